import Foundation
import Testing

/// The built `quhua` executable, run as a user runs it: every verb answers `--help`, and the exit
/// codes keep their contract — 0 clean, 1 findings, 2 usage, 3 unreadable or invalid input —
/// with a message on standard error that names what is wrong. Runs on the shipped GeoData.
@Suite("quhua, the command", .serialized) struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/quhua").path
    static let present = FileManager.default.isExecutableFile(atPath: binary)
    static let absent: Comment = "skipped: the quhua binary is not at .build/debug/quhua (swift build --product quhua)"

    /// What a run printed and how it ended.
    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs quhua with `arguments` in the package folder; output goes through files, so a large
    /// answer cannot block the pipe.
    static func quhua(_ arguments: [String]) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quhua-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["QUHUA_GEODATA"] = root.appendingPathComponent("GeoData").path
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   out: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                   err: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// A gazetteer with the division history and the prefecture polygons, built once.
    static let gazetteer: Result<String, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quhua-cli-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("gazetteer.sqlite").path
        for arguments in [["import", "areacodes", "GeoData/areacodes"], ["import", "geometry", "GeoData/cn-atlas/derived_prefectures.geojson"]] {
            let run = try quhua(arguments + ["--db", path, "--actor", "cli-tests"])
            guard run.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: run.err]) }
        }
        return path
    }

    static func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("quhua-cli-\(UUID().uuidString)-\(name)").path
    }

    static let verbs = ["validate", "rules", "inspect", "register", "search", "show", "history", "tree", "reverse", "import",
                        "naming", "protect", "vanished", "edit", "record", "romanize", "convert", "export", "book", "serve", "token"]

    @Test(.enabled(if: present, absent))
    func everyVerbExplainsItself() throws {
        let top = try Self.quhua(["--help"])
        #expect(top.status == 0)
        #expect(top.out.contains("Exit codes: 0 clean, 1 findings"))
        for verb in Self.verbs {
            #expect(top.out.contains("  \(verb) "), "quhua --help does not list \(verb)")
            let help = try Self.quhua([verb, "--help"])
            #expect(help.status == 0, "quhua \(verb) --help")
            #expect(help.out.contains("USAGE: quhua \(verb)"), "quhua \(verb) --help")
        }
        #expect(try Self.quhua(["--version"]).status == 0)
    }

    @Test(.enabled(if: present, absent))
    func usageErrorsExitWithTwo() throws {
        let db = try Self.gazetteer.get()
        for arguments in [["frobnicate"], ["validate"], ["validate", "--bogus"], ["validate", "GeoData/samples/clean", "--fail-on", "nothing"],
                          ["inspect", "GeoData/samples/inspection/before"], ["convert", "-o", "x.gpkg"],
                          ["search", "--db", db], ["token", "add", "--role", "nobody", "--actor", "x", "--db", db],
                          ["serve", "--port", "70000", "--db", db], ["serve", "--register", "/nonexistent/register.sqlite", "--db", db],
                          ["register", "import", "GeoData/samples/inspection/before", "--agreement", "A"]] {
            let run = try Self.quhua(arguments)
            #expect(run.status == 2, "quhua \(arguments.joined(separator: " ")): \(run.err)")
            #expect(!run.err.isEmpty, "quhua \(arguments.joined(separator: " ")) says nothing on standard error")
        }
    }

    @Test(.enabled(if: present, absent))
    func badInputExitsWithThreeNamingIt() throws {
        let db = try Self.gazetteer.get()
        let register = Self.scratch("register.sqlite")
        let notADatabase = Self.scratch("not-a-database.sqlite")
        try String(repeating: "plain text, not SQLite. ", count: 10).write(toFile: notADatabase, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: notADatabase) }
        let cases: [([String], String)] = [
            (["validate", "/nonexistent/lines.geojson"], "/nonexistent/lines.geojson"),
            (["validate", "GeoData/README-does-not-exist"], "README-does-not-exist"),
            (["convert", "/nonexistent/in.geojson", Self.scratch("out.gpkg")], "/nonexistent/in.geojson"),
            (["show", "999999", "--db", db], "999999"),
            (["naming", "check", "新区", "--within", "999999", "--db", db], "999999"),
            (["register", "show", "9999", "--db", register], "9999"),
            (["register", "import", "/nonexistent/survey", "--date", "2020-06-18", "--agreement", "A", "--db", register], "/nonexistent/survey"),
            (["search", "万州", "--db", notADatabase], notADatabase),
            (["token", "list", "--db", notADatabase], notADatabase),
            (["book", "--within", "500000", "--no-pdf", "-o", Self.scratch("book"), "--db", notADatabase], notADatabase),
            (["register", "show", "0001", "--db", notADatabase], notADatabase),
            (["validate", "--lines", "GeoData/README.md"], "unknown file type \".md\""),
        ]
        for (arguments, named) in cases {
            let run = try Self.quhua(arguments)
            #expect(run.status == 3, "quhua \(arguments.joined(separator: " ")): \(run.err)")
            #expect(run.err.contains(named), "quhua \(arguments.joined(separator: " ")) does not name \(named): \(run.err)")
            // One message format for every verb: the last line on standard error is `quhua: …`.
            let last = run.err.split(separator: "\n").last.map(String.init) ?? ""
            #expect(last.hasPrefix("quhua: "), "quhua \(arguments.joined(separator: " ")): \(run.err)")
        }
    }

    @Test(.enabled(if: present, absent))
    func exportHasAVerbForEachSource() throws {
        let report = Self.scratch("findings.json"), gpkg = Self.scratch("findings.gpkg"), shp = Self.scratch("findings.shp")
        let validate = try Self.quhua(["validate", "GeoData/samples/faulty", "--format", "json", "-o", report])
        #expect(validate.status == 1)
        // The format comes from the output file's extension.
        let findings = try Self.quhua(["export", "findings", report, "-o", gpkg])
        #expect(findings.status == 0, "\(findings.err)")
        #expect(findings.out.contains("features to \(gpkg) (gpkg"))
        // A Shapefile keeps one geometry kind and says how many findings it left out.
        let oneKind = try Self.quhua(["export", "findings", report, "-o", shp])
        #expect(oneKind.status == 0, "\(oneKind.err)")
        #expect(oneKind.err.contains("quhua: warning: a Shapefile holds one geometry kind"))
        let lpf = try Self.quhua(["export", "findings", report, "--format", "lpf", "-o", Self.scratch("x.lpf.json")])
        #expect(lpf.status == 2)
        #expect(lpf.err.contains("Linked Places Format holds places"))
        let unknown = try Self.quhua(["export", "records", "-o", Self.scratch("records.xyz")])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("name it with --format"))
        let missing = try Self.quhua(["export", "findings", "/nonexistent/report.json", "-o", gpkg])
        #expect(missing.status == 3)
        #expect(missing.err.contains("/nonexistent/report.json"))
    }

    @Test(.enabled(if: present, absent))
    func findingsExitWithOneAndACleanRunWithZero() throws {
        let clean = try Self.quhua(["validate", "GeoData/samples/clean"])
        #expect(clean.status == 0, "\(clean.err)")
        let faulty = try Self.quhua(["validate", "GeoData/samples/faulty"])
        #expect(faulty.status == 1)
        #expect(faulty.out.contains("marker.junction"))
        let inspection = try Self.quhua(["inspect", "--before", "GeoData/samples/inspection/before", "--after", "GeoData/samples/inspection/after",
                                         "--profile", "GeoData/samples/inspection/profile.json"])
        #expect(inspection.status == 1)   // markers moved beyond the tolerance
        #expect(inspection.out.contains("0004-001"))
        let db = try Self.gazetteer.get()
        let check = try Self.quhua(["naming", "check", "至尊镇", "--within", "500101", "--db", db])
        #expect(check.status == 1)
        #expect(check.out.contains("name.negative-word"))
        #expect(try Self.quhua(["naming", "check", "青杠湾镇", "--within", "500101", "--db", db]).status == 0)
    }

    @Test(.enabled(if: present, absent))
    func gazetteerVerbsAnswerOnTheShippedHistory() throws {
        let db = try Self.gazetteer.get()
        let search = try Self.quhua(["search", "万州", "--db", db])
        #expect(search.status == 0 && search.out.contains("500101"))
        let asOf = try Self.quhua(["search", "长安", "--at", "1990-01-01", "--db", db, "--format", "json"])
        #expect(asOf.status == 0 && asOf.out.contains("610121"))
        let show = try Self.quhua(["show", "500101", "--db", db])
        #expect(show.status == 0 && show.out.contains("万州区"))
        let tree = try Self.quhua(["tree", "--at", "1996-12-31", "--db", db, "--format", "json"])
        #expect(tree.status == 0 && tree.out.contains("510200"))
        let history = try Self.quhua(["history", "500101", "--db", db])
        #expect(history.status == 0 && history.out.contains("1998"))
        let reverse = try Self.quhua(["reverse", "106.57", "29.55", "--db", db])
        #expect(reverse.status == 0 && reverse.out.contains("重庆市"))
        let romanized = try Self.quhua(["romanize", "西安市"])
        #expect(romanized.status == 0 && romanized.out.contains("Xi'an Shi"))
        let exported = Self.scratch("divisions.geojson")
        let export = try Self.quhua(["export", "--format", "geojson", "--within", "500000", "--output", exported, "--db", db])
        #expect(export.status == 0 && export.out.contains("wrote 39 features"), "\(export.err)")
        #expect(FileManager.default.fileExists(atPath: exported))
        let token = try Self.quhua(["token", "add", "--role", "patroller", "--actor", "cli.tests", "--db", db])
        #expect(token.status == 0 && token.out.hasPrefix("qh_"))
    }

    @Test(.enabled(if: present, absent))
    func importGeometryAtALevelDeepensReverse() throws {
        let db = Self.scratch("levels.sqlite")
        try FileManager.default.copyItem(atPath: try Self.gazetteer.get(), toPath: db)
        let county = Self.scratch("county.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":500103},"geometry":{"type":"Polygon","coordinates":[[[106.54,29.53],[106.60,29.53],[106.60,29.59],[106.54,29.53]]]}}]}"#
            .write(toFile: county, atomically: true, encoding: .utf8)
        let refused = try Self.quhua(["import", "geometry", county, "--level", "township", "--db", db])
        #expect(refused.status == 3 && refused.err.contains("feature 1 (500103 渝中区) is a county-level division, not a township"), "\(refused.err)")
        let before = try Self.quhua(["reverse", "106.57", "29.55", "--db", db])
        #expect(before.status == 0 && before.out.contains("stops at prefecture level: no county or township polygons are stored"), "\(before.out)")
        let imported = try Self.quhua(["import", "geometry", county, "--level", "county", "--code-field", "adcode", "--source", "hand",
                                       "--citation", "a test polygon", "--db", db])
        #expect(imported.status == 0 && imported.out.contains("1 polygons"), "\(imported.out) \(imported.err)")
        let after = try Self.quhua(["reverse", "106.57", "29.55", "--db", db])
        #expect(after.status == 0 && after.out.hasPrefix("500103 渝中区") && after.out.contains("stops at county level: no township polygons are stored"), "\(after.out)")
        let json = try Self.quhua(["reverse", "106.57", "29.55", "--db", db, "--format", "json"])
        #expect(json.status == 0 && json.out.contains(#""deepestLevel" : "county""#) && json.out.contains(#""stop" : "stops at county level"#), "\(json.out)")
        let help = try Self.quhua(["import", "geometry", "--help"])
        #expect(help.out.contains("--level") && help.out.contains("--code-field") && help.out.contains("--from"))
    }

    @Test(.enabled(if: present, absent))
    func registerVerbsKeepAMarkersLife() throws {
        let register = Self.scratch("register.sqlite")
        let importing = ["register", "import", "GeoData/samples/inspection/before", "--date", "2020-06-18", "--agreement", "陕界〔2020〕1号", "--db", register]
        #expect(try Self.quhua(importing).status == 0)
        let again = try Self.quhua(importing)
        #expect(again.status == 0)   // the same import again changes nothing, and says so
        let patrol = try Self.quhua(["register", "patrol", "add", "--date", "2023-04-02", "--patroller", "王五", "--marker", "0004-001:moved",
                                     "--measured", "0004-001=499937.560,3780802.270", "--db", register])
        #expect(patrol.status == 0, "\(patrol.err)")
        let future = try Self.quhua(["register", "patrol", "add", "--date", "2199-01-01", "--patroller", "王五", "--marker", "0004-001:intact", "--db", register])
        #expect(future.status == 3 && future.err.contains("future"))
        let show = try Self.quhua(["register", "show", "0004-001", "--db", register])
        #expect(show.status == 0 && show.out.contains("moved"))
        let report = try Self.quhua(["register", "report", "--format", "json", "--db", register])
        #expect(report.status == 0 && report.out.contains("610100"))
    }

    @Test(.enabled(if: present, absent))
    func placeNameRecordsGoInThroughImportAndRecordAndOutThroughShowAndExport() throws {
        let db = try Self.gazetteer.get()
        let csv = Self.scratch("records.csv")
        try "code,name,parent,category,meaning,source,page,lon,lat\nCLI-1,太白岩,500101,13,因李白读书得名,万州区地名志,35,108.379,30.816\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try Self.quhua(["import", "records", csv, "--set", "level=feature", "--db", db])
        #expect(imported.status == 0 && imported.out.contains("1 places created"), "\(imported.out)\(imported.err)")
        #expect(try Self.quhua(["import", "records", csv, "--set", "level=feature", "--db", db]).out.contains("unchanged"))
        let set = try Self.quhua(["record", "set", "CLI-1", "--origin", "相传唐代李白在此读书", "--db", db, "--actor", "cli.tests"])
        #expect(set.status == 0, "\(set.err)")
        let photo = Self.scratch("sign.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]).write(to: URL(fileURLWithPath: photo))
        let attach = try Self.quhua(["record", "attach", "CLI-1", photo, "--caption", "远眺", "--db", db])
        #expect(attach.status == 0 && attach.out.contains("image/png"), "\(attach.err)")
        let show = try Self.quhua(["show", "CLI-1", "--db", db])
        for needle in ["13 陆地地形", "因李白读书得名", "相传唐代李白在此读书", "Point 108.379000, 30.816000", "万州区地名志, p. 35", "sha256:", "11 bytes"] {
            #expect(show.out.contains(needle), "\(needle) in \(show.out)")
        }
        let json = try Self.quhua(["show", "CLI-1", "--format", "json", "--db", db])
        #expect(json.status == 0 && json.out.contains("\"meaning\"") && json.out.contains("\"attachments\""))
        let exported = Self.scratch("records.geojson")
        let export = try Self.quhua(["export", "records", "--format", "geojson", "-o", exported, "--db", db])
        #expect(export.status == 0, "\(export.err)")
        #expect((try? String(contentsOfFile: exported, encoding: .utf8))?.contains("因李白读书得名") == true)
        let bad = Self.scratch("bad.csv")
        try "code,name,category\nCLI-2,某山,99\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try Self.quhua(["import", "records", bad, "--set", "level=feature", "--db", db])
        #expect(refused.status == 3 && refused.err.contains("bad.csv:2: category “99”"), "\(refused.err)")
    }
}
