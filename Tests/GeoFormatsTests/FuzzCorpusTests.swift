import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

/// The fuzzer's past finds (Tools/fuzz), minimised by hand and kept in `Fuzz/`: each must be
/// refused with a `GeoFormatError` naming the file and the problem, never crash the process.
@Suite struct FuzzCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fuzz")

    @Test(arguments: [
        // Killed `quhua convert` with SIGILL inside XMLParser before the bytes were checked.
        ("kml-invalid-utf8-element-name.kml", "at byte offset 126 (line 4): byte 0xFF is not valid UTF-8"),
        ("kml-invalid-utf8-end-tag.kml", "at byte offset 201 (line 4): byte 0xC3 starts a 2-byte UTF-8 sequence"),
        ("kml-invalid-utf8-comment.kml", "at byte offset 117 (line 4): byte 0xE4 starts a 3-byte UTF-8 sequence but byte 3 is 0x20"),
        ("kml-nul-byte.kml", "at byte offset 130 (line 4): a NUL byte (0x00), which XML does not allow"),
        ("kml-gbk-declared-invalid.kml", "not valid GBK, the encoding its XML declaration names: invalid byte sequence at byte 131"),
    ])
    func refusedClearly(name: String, expected: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        let e = formatError { _ = try GeoFormat.read(url, context: try GEOSContext()) }
        let message = e?.description ?? "no error"
        #expect(e?.file.hasSuffix("Fuzz/\(name)") == true, "\(message)")
        #expect(message.contains(expected), "\(message)")
    }
}

/// What the KML reader checks before `XMLParser` sees the bytes, and what it still reads.
@Suite struct KMLInputCheckTests {
    let placemark = "<Placemark><name>北京</name><Point><coordinates>116.39,39.9</coordinates></Point></Placemark>"

    func document(_ declaration: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", body: String? = nil) -> String {
        declaration + "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\(body ?? placemark)</Document></kml>\n"
    }

    func read(_ bytes: [UInt8]) throws -> FeatureLayer {
        try KMLReader().read(data: Data(bytes), name: "t", file: "t.kml", context: try GEOSContext())
    }

    func error(_ bytes: [UInt8]) -> GeoFormatError? {
        formatError { _ = try read(bytes) }
    }

    @Test func validTextStillReads() throws {
        for text in [document(), document(""), document("<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n")] {
            let layer = try read(Array(text.utf8))
            #expect(layer.features.first?.properties["name"] == .string("北京"))
        }
        // A UTF-8 byte order mark.
        let layer = try read([0xEF, 0xBB, 0xBF] + Array(document().utf8))
        #expect(layer.features.count == 1)
    }

    @Test func declaredGBKIsConverted() throws {
        let text = document("<?xml version=\"1.0\" encoding=\"GBK\"?>\n")
        let bytes = try TextEncoding.gbk.encode(text)
        let layer = try read(bytes)
        #expect(layer.features.first?.properties["name"] == .string("北京"))
        let latin = try read(Array(document("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n", body: "<Placemark><name>caf\u{E9}</name></Placemark>").unicodeScalars.map { UInt8($0.value) }))
        #expect(latin.features.first?.properties["name"] == .string("café"))
    }

    @Test func undeclaredGBKIsRefusedWithItsOffset() {
        // GBK bytes (北) in a file that declares no encoding: the default is UTF-8.
        let prefix = Array("<?xml version=\"1.0\"?>\n<kml><Document><Placemark><name>".utf8)
        let e = error(prefix + [0xB1, 0xB1] + Array("</name></Placemark></Document></kml>".utf8))
        #expect(e?.problem.contains("at byte offset \(prefix.count) (line 2)") == true, "\(e?.description ?? "no error")")
    }

    @Test func unsupportedEncodingsAreRefused() {
        var e = error(Array(document("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n").utf8))
        #expect(e?.problem.contains("names the encoding \"Shift_JIS\", which quhua does not read") == true, "\(e?.description ?? "no error")")
        e = error([0xFF, 0xFE] + Array(document().utf8).flatMap { [$0, 0] })
        #expect(e?.problem.contains("UTF-16") == true, "\(e?.description ?? "no error")")
    }

    @Test func controlCharactersAreRefused() {
        for c: UInt8 in [0x01, 0x08, 0x0B, 0x1B] {
            let e = error(Array("<kml>".utf8) + [c] + Array("</kml>".utf8))
            #expect(e?.problem.contains("at byte offset 5 (line 1): the control character") == true, "\(e?.description ?? "no error")")
        }
    }

    @Test func deepNestingIsRefused() {
        let depth = KMLReader.maximumDepth + 10
        let body = String(repeating: "<Folder>", count: depth) + String(repeating: "</Folder>", count: depth)
        let e = error(Array(document(body: body).utf8))
        #expect(e?.problem.contains("nested more than \(KMLReader.maximumDepth) deep") == true, "\(e?.description ?? "no error")")
    }

    @Test func scanFindsEachKindOfBadSequence() {
        func problem(_ bytes: [UInt8]) -> XMLCharacterScan.Problem? {
            bytes.withUnsafeBufferPointer { XMLCharacterScan.firstProblem(in: $0) }
        }
        #expect(problem(Array("ok 北京 \t\r\n 😀".utf8)) == nil)
        #expect(problem([0x61, 0xC0, 0xAF])?.offset == 1)                 // overlong
        #expect(problem([0x61, 0x0A, 0xED, 0xA0, 0x80])?.line == 2)       // surrogate
        #expect(problem([0xF4, 0x90, 0x80, 0x80])?.offset == 0)           // beyond U+10FFFF
        #expect(problem([0x61, 0x62, 0xE4, 0xB8])?.problem.contains("file ends") == true)
        #expect(problem([0xEF, 0xBF, 0xBE])?.problem.contains("U+FFFE") == true)
    }
}

/// A 3 MB `xmlns` value: `XMLParser` copies the namespace name at every element (fuzz hang).
@Suite struct KMLNamespaceTests {
    @Test func longNamespaceNamesAreRefused() {
        let text = "<?xml version=\"1.0\"?>\n<kml xmlns=\"" + String(repeating: "北", count: 1000)
            + "\"><Document><Placemark><name>a</name></Placemark></Document></kml>"
        let e = formatError { _ = try KMLReader().read(data: Data(text.utf8), name: "t", file: "t.kml", context: try GEOSContext()) }
        #expect(e?.description.contains("t.kml: at byte offset 27 (line 2): a namespace name (xmlns) longer than 2048 bytes") == true,
                "\(e?.description ?? "no error")")
        let ok = "<kml xmlns=\"http://www.opengis.net/kml/2.2\" xmlns:gx='http://www.google.com/kml/ext/2.2'><Document><Placemark><name>a</name></Placemark></Document></kml>"
        #expect(formatError { _ = try KMLReader().read(data: Data(ok.utf8), name: "t", file: "t.kml", context: try GEOSContext()) } == nil)
    }
}
