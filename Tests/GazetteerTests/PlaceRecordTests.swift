import Foundation
import GeoFormats
import GRDB
import Testing
@testable import Gazetteer

/// A gazetteer of its own for the record tests (the areacodes history and the prefecture
/// polygons), so that the places they create do not change what other suites count.
///
/// Only the suites nested in ``RecordStoreTests`` use it; they write to it and compare snapshots
/// and audit-log lengths, so they run one at a time.
enum RecordFixture {
    static let shared: Result<GazetteerStore, GazetteerError> = {
        do {
            let store = try GazetteerStore(path: Fixture.temporaryDirectory("records").appendingPathComponent("gazetteer.sqlite").path)
            _ = try AreaCodesImporter(directory: Fixture.areacodes).run(into: store, actor: "tests")
            _ = try GeometryImporter(file: Fixture.geoData.appendingPathComponent("cn-atlas/derived_prefectures.geojson")).run(into: store, actor: "tests")
            return .success(store)
        } catch let error as GazetteerError {
            return .failure(error)
        } catch {
            return .failure(.database("\(error)"))
        }
    }()

    /// Writes `text` to a new file named `name` in a fresh folder.
    static func file(_ name: String, _ text: String) throws -> URL {
        let url = Fixture.temporaryDirectory("record-input").appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

/// The suites that share ``RecordFixture``'s gazetteer, one test at a time: they write to it, and
/// check snapshots and audit-log lengths that a write of another test in between would change.
@Suite(.serialized) enum RecordStoreTests {}

extension RecordStoreTests {
    /// Place-name records: import from CSV and GeoJSON, the shipped tables through the documented
    /// mappings, bad rows, editing with versions and audit, attachments by SHA-256, reverse lookup.
    @Suite struct PlaceRecordTests {
        let store: GazetteerStore
        let lookup: PlaceLookup

        init() throws {
            store = try RecordFixture.shared.get()
            lookup = PlaceLookup(store: store)
        }

        static let csv = """
            code,name,parent,category,meaning,origin,history,source,page,lon,lat
            R-CSV-1,太白岩,500101,13,因李白曾在此读书得名,相传唐代诗人李白寓居万州时在此读书,明清时为万县八景之一,万州区地名志,35,108.3790,30.8160
            R-CSV-2,"万州长江大桥",500101,25,,,"1997年建成通车",万州区地名志,88,108.4000,30.8000
            """

        @Test func csvRecordsWithKnownAnswers() throws {
            let file = try RecordFixture.file("records.csv", Self.csv)
            let mapping = try RecordColumnMapping(parsing: nil, constants: "level=feature")
            let report = try RecordImporter(file: file, mapping: mapping).run(into: store, actor: "li.ming")
            #expect(report.changed)
            #expect(report.count("places created") == 2)
            #expect(report.count("names") == 2)
            #expect(report.count("record texts") == 2)
            #expect(report.count("locations") == 2)
            #expect(report.count("citations") == 2)

            let place = try lookup.resolveOne("太白岩")
            #expect(place.level == .feature)
            let details = try lookup.details(of: place.id)
            #expect(details.codes.map(\.code) == ["R-CSV-1"])
            #expect(try details.category == PlaceCategory(code: "13"))
            #expect(details.category?.name == "陆地地形")
            #expect(details.parents.map(\.code) == ["500101"])
            let record = try #require(details.record)
            #expect(record.meaning == "因李白曾在此读书得名")
            #expect(record.origin == "相传唐代诗人李白寓居万州时在此读书")
            #expect(record.history == "明清时为万县八景之一")
            #expect(record.changedBy == "li.ming")
            #expect(record.versions == 1)
            #expect(record.locations.map(\.geometryType) == ["Point"])
            #expect(record.locations.first?.point == [108.379, 30.816])
            #expect(record.locations.first?.summary == "Point 108.379000, 30.816000")
            #expect(record.citations.map(\.label) == ["万州区地名志, p. 35, [records:records.csv]"])

            // Searched by the same search as divisions; JSON of the details carries the record.
            let hits = try NameSearch(store: store).search(SearchQuery("太白岩"))
            #expect(hits.first?.placeID == place.id)
            let bridge = try NameSearch(store: store).search(SearchQuery("长江大桥"))
            #expect(bridge.contains { $0.placeID == (try? lookup.resolveOne("R-CSV-2").id) })
            let json = String(decoding: try JSONEncoder().encode(details), as: UTF8.self)
            for needle in ["\"meaning\"", "因李白曾在此读书得名", "\"locations\"", "\"Point\"", "\"category\"", "陆地地形"] {
                #expect(json.contains(needle), "\(needle)")
            }

            // The import is audited; a second import writes nothing.
            #expect(try store.auditLog(limit: 5).contains { $0.action == "import.records" && $0.actor == "li.ming" })
            let before = try Fixture.snapshot(store)
            let again = try RecordImporter(file: file, mapping: mapping).run(into: store, actor: "li.ming")
            #expect(!again.changed)
            #expect(try Fixture.snapshot(store) == before)
        }

        static let geoJSON = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"code": "R-GJ-P", "name": "天生城", "category": "27", "meaning": "山顶平坦，四面绝壁，如天生之城"},
               "geometry": {"type": "Point", "coordinates": [108.42, 30.83]}},
              {"type": "Feature", "properties": {"code": "R-GJ-L", "name": "苎溪河", "category": "121", "history": "古称苎溪"},
               "geometry": {"type": "LineString", "coordinates": [[108.30, 30.85], [108.36, 30.82], [108.40, 30.81]]}},
              {"type": "Feature", "properties": {"code": "R-GJ-A", "name": "平湖广场", "category": "28", "origin": "因三峡平湖得名"},
               "geometry": {"type": "Polygon", "coordinates": [[[108.37, 30.80], [108.39, 30.80], [108.39, 30.82], [108.37, 30.82], [108.37, 30.80]]]}}
            ]}
            """

        @Test func geoJSONRecordsPointLinePolygonAndReverseLookupUsesDivisionsOnly() throws {
            let geocoder = try ReverseGeocoder(store: store)
            let reverseBefore = try geocoder.lookup(longitude: 108.38, latitude: 30.81)
            #expect(!reverseBefore.isEmpty)
            let file = try RecordFixture.file("records.geojson", Self.geoJSON)
            let report = try RecordImporter(file: file, mapping: try RecordColumnMapping(parsing: nil, constants: "level=feature,parent=500101"))
                .run(into: store, actor: "tests")
            #expect(report.count("places created") == 3)
            #expect(report.count("locations") == 3)
            var types: [String: String] = [:]
            for code in ["R-GJ-P", "R-GJ-L", "R-GJ-A"] {
                let details = try lookup.details(of: try lookup.resolveOne(code).id)
                types[code] = details.record?.locations.first?.geometryType
            }
            #expect(types == ["R-GJ-P": "Point", "R-GJ-L": "LineString", "R-GJ-A": "Polygon"])
            let river = try #require(try store.record(of: try lookup.resolveOne("苎溪河").id))
            #expect(river.locations.first?.bbox == [108.30, 30.81, 108.40, 30.85])
            #expect(river.category?.name == "河流")
            #expect(river.history == "古称苎溪")

            // The square's polygon contains the point, but reverse lookup reads division polygons only.
            let reverseAfter = try geocoder.lookup(longitude: 108.38, latitude: 30.81)
            #expect(reverseAfter == reverseBefore)
            #expect(!reverseAfter.contains { $0.place.name == "平湖广场" })
            let rtreeRows = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM place_location_rtree WHERE min_x <= 108.38 AND max_x >= 108.38 AND min_y <= 30.81 AND max_y >= 30.81") }
            #expect(rtreeRows == 2, "the river's and the square's boxes hold the point in the locations' own R*Tree")
        }

        @Test func badRowsNameFileRowAndProblemAndWriteNothing() throws {
            let before = try Fixture.snapshot(store)
            let cases: [(String, String, String)] = [
                ("unknown-category.csv", "code,name,category,lon,lat\nB-1,甲山,13,108.1,30.1\nB-2,乙山,99,108.2,30.2\n",
                 "unknown-category.csv:3: category “99” is not a GB/T 18521 category"),
                ("bad-coordinate.csv", "code,name,category,lon,lat\nB-3,丙山,13,108.1,30.1\nB-4,丁山,13,108.2,300.5\n",
                 "bad-coordinate.csv:3: coordinate (108.2, 300.5) is not longitude/latitude"),
                ("missing-name.csv", "code,name,category,lon,lat\nB-5,戊山,13,108.1,30.1\nB-6,,13,108.2,30.2\n",
                 "missing-name.csv:3: the name is empty"),
                ("not-a-number.csv", "code,name,category,lon,lat\nB-7,己山,13,108.1,abc\n",
                 "not-a-number.csv: feature 1: line 2, column \"lat\": \"abc\" is not a number"),
                ("bad-feature.geojson", """
                    {"type": "FeatureCollection", "features": [
                      {"type": "Feature", "properties": {"code": "B-8", "name": "庚山", "category": "13"}, "geometry": {"type": "Point", "coordinates": [108.1, 30.1]}},
                      {"type": "Feature", "properties": {"code": "B-9", "name": "辛山", "category": "abc"}, "geometry": {"type": "Point", "coordinates": [108.2, 30.2]}}]}
                    """, "bad-feature.geojson: feature 2: category “abc” is not a GB/T 18521 category"),
                ("no-parent.csv", "code,name,parent,level\nB-10,壬村,999999,village\n", "no-parent.csv:2: no place has the parent code 999999"),
            ]
            for (name, text, expected) in cases {
                let file = try RecordFixture.file(name, text)
                do {
                    _ = try RecordImporter(file: file, mapping: try RecordColumnMapping(parsing: nil, constants: "level=feature"))
                        .run(into: store, actor: "tests")
                    Issue.record("\(name): no error")
                } catch {
                    let message = (error as? GazetteerError)?.description ?? "\(error)"
                    #expect(message.hasPrefix(expected), "\(name): \(message)")
                }
            }
            #expect(try Fixture.snapshot(store) == before, "nothing was written")
        }

        /// The areacity township table through the record importer with the documented mapping.
        @Test func townshipTableThroughRecordImporter() throws {
            let file = Fixture.geoData.appendingPathComponent("areacity/ok_data_level4.csv")
            let rows = try CSVReader.rows(in: try String(contentsOf: file, encoding: .utf8)).dropFirst()
            let townships = rows.filter { $0.fields[2] == "3" }
            #expect(Set(townships.map { $0.fields[6] }).count == townships.count, "one row per township code")
            let mapping = try RecordColumnMapping(parsing: "name=ext_name,code=ext_id,parent=pid", constants: "level=township,category=214", only: "deep=3")
            let importer = RecordImporter(file: file, mapping: mapping, skipUnknownParents: true)
            let report = try importer.run(into: store, actor: "tests")
            #expect(report.count("rows skipped (--only)") == (rows.count - townships.count))
            #expect((report.count("places created") + report.count("rows skipped (parent not found)")) == townships.count)
            #expect(report.count("places created") == 39_109, "as many as the township importer places")
            #expect(report.count("names") == report.count("places created"))
            let township = try lookup.resolveOne("500101001000")
            #expect(township.name == "高笋塘街道")
            let details = try lookup.details(of: township.id)
            #expect(details.category?.name == "乡级行政区域")
            #expect(details.parents.map(\.code) == ["500101"])
            #expect(try !importer.run(into: store, actor: "tests").changed)
        }

        /// The GeoNames table through the record importer: every row a populated place with its point.
        @Test func geoNamesThroughRecordImporter() throws {
            let file = Fixture.geoData.appendingPathComponent("geonames-cn/geonames_cities15000_CN.tsv")
            let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
            let mapping = try RecordColumnMapping(parsing: "code=geonameid,romanization=asciiname", constants: "level=feature,category=24")
            let importer = RecordImporter(file: file, mapping: mapping)
            let report = try importer.run(into: store, actor: "tests")
            #expect(report.count("places created") == rows.count)
            #expect(report.count("locations") == rows.count)
            #expect(try !importer.run(into: store, actor: "tests").changed)
            let yengisar = try lookup.resolveOne("1279590")
            #expect(yengisar.name == "Yengisar")
            let record = try #require(try store.record(of: yengisar.id))
            #expect(record.locations.first?.point == [76.17139, 38.92583])
            #expect(record.category?.name == "居民点")
            #expect(try NameSearch(store: store).search(SearchQuery("yengisar")).first?.placeID == yengisar.id)
        }

        @Test func editingKeepsEveryVersionAndIsAudited() throws {
            let place = try lookup.resolveOne("500101")
            let editor = RecordEditor(store: store)
            try editor.setText(placeID: place.id, RecordText(meaning: "万川毕汇，万商云集"), actor: "li")
            let second = try #require(try editor.setText(placeID: place.id, RecordText(history: "1998年由万县区更名"), actor: "wang"))
            #expect(second.meaning == "万川毕汇，万商云集")
            #expect(second.history == "1998年由万县区更名")
            #expect(second.versions == 2)
            // The same text again writes nothing.
            #expect(try editor.setText(placeID: place.id, RecordText(history: "1998年由万县区更名"), actor: "wang")?.versions == 2)
            let versions = try editor.versions(placeID: place.id)
            #expect(versions.map(\.text.history) == [nil, "1998年由万县区更名"])
            #expect(versions.first?.replacedAt != nil)
            #expect(versions.last?.replacedAt == nil)
            let audit = try #require(try store.auditLog(limit: 10).first { $0.action == "record.set" && $0.actor == "wang" })
            #expect(audit.target == "place \(place.id)")
            #expect(audit.before?.contains("万川毕汇") ?? false)
            #expect(audit.after?.contains("1998年由万县区更名") ?? false)
            #expect(try editor.cite(placeID: place.id, sourceKey: "wanzhou-dmz", document: "万州区地名志", page: "12", actor: "li"))
            #expect(try !editor.cite(placeID: place.id, sourceKey: "wanzhou-dmz", document: "万州区地名志", page: "12", actor: "li"))
            #expect(try store.record(of: place.id)?.citations.map(\.label) == ["万州区地名志, p. 12, [wanzhou-dmz]"])
            // Text and citation together: one transaction, one audit entry.
            let audits = try store.auditLog(limit: 1000).count
            let updated = try editor.update(placeID: place.id, text: RecordText(note: "据2015年地名普查"),
                                            citation: RecordCitation(document: "第二次全国地名普查登记表", page: "500101-0001"), actor: "zhao")
            #expect(updated?.note == "据2015年地名普查")
            #expect(updated?.versions == 3)
            #expect(updated?.citations.count == 2)
            #expect(try store.auditLog(limit: 1000).count == (audits + 1))
            #expect(try store.auditLog(limit: 1).first?.after?.contains("第二次全国地名普查登记表") ?? false)
            // Raw SQL cannot overwrite or delete a version.
            #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "UPDATE place_record SET meaning = 'x' WHERE place_id = ?", arguments: [place.id]) } }
            #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "DELETE FROM place_record WHERE place_id = ?", arguments: [place.id]) } }
            #expect(throws: (any Error).self) { try editor.setText(placeID: 999_999_999, RecordText(note: "x"), actor: "li") }
        }

        @Test func attachmentsRoundTripBySHA256AndAreNeverReplaced() throws {
            let place = try lookup.resolveOne("500103")
            let editor = RecordEditor(store: store)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("渝中区地名标志".utf8))
            let info = try editor.attach(placeID: place.id, data: png, fileName: "sign.png", caption: "地名标志", actor: "li")
            #expect(info.sha256 == SHA256.hex(of: [UInt8](png)))
            #expect(info.size == png.count)
            #expect(info.mediaType == "image/png")
            let stored = try #require(try store.attachment(sha256: info.sha256.uppercased()))
            #expect(stored.data == png)
            #expect(stored.mediaType == "image/png")
            #expect(try store.attachment(sha256: String(repeating: "0", count: 64)) == nil)
            #expect(try store.attachment(sha256: "not-a-digest") == nil)
            #expect(try store.record(of: place.id)?.attachments == [info])
            // The same bytes again: nothing new, no audit entry.
            let audits = try store.auditLog(limit: 1000).count
            #expect(try editor.attach(placeID: place.id, data: png, fileName: "sign.png", caption: "地名标志", actor: "li") == info)
            #expect(try store.auditLog(limit: 1000).count == audits)
            // Different bytes claiming the stored hash are refused, by the library and by the database.
            let other = Data(Array("other bytes".utf8))
            do {
                _ = try editor.attach(placeID: place.id, data: other, fileName: "x.txt", caption: nil, claimedSHA256: info.sha256, actor: "li")
                Issue.record("no error")
            } catch {
                #expect("\(error)".contains("not the claimed"), "\(error)")
            }
            #expect(throws: (any Error).self) {
                try store.pool.write { db in
                    try db.execute(sql: "INSERT INTO attachment (sha256, bytes, size, media_type, stored_at) VALUES (?, ?, ?, 'text/plain', 'now')",
                                   arguments: [info.sha256, other, other.count])
                }
            }
            #expect(throws: (any Error).self) {
                try store.pool.write { db in
                    try db.execute(sql: "INSERT OR REPLACE INTO attachment (sha256, bytes, size, media_type, stored_at) VALUES (?, ?, ?, 'text/plain', 'now')",
                                   arguments: [info.sha256, other, other.count])
                }
            }
            #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "UPDATE attachment SET bytes = ?", arguments: [other]) } }
            #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "DELETE FROM attachment") } }
            #expect(try store.attachment(sha256: info.sha256)?.data == png)
        }

        @Test func categoryTable() throws {
            #expect(try PlaceCategory(code: "213").name == "县级行政区域")
            #expect(try PlaceCategory(code: "2421").name == "农村居民点")
            #expect(try PlaceCategory(code: "2501").name == "交通运输设施")
            for bad in ["", "3", "39", "99", "2x", "123456789"] { #expect(!PlaceCategory.isKnown(bad), "\(bad)") }
            #expect(throws: (any Error).self) { try RecordColumnMapping(parsing: "nmae=名称") }
            #expect(throws: (any Error).self) { try RecordColumnMapping(parsing: nil, constants: "lon=经度") }
        }
    }
}
