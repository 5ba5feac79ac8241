import Foundation
import GeoFormats
import GRDB
import XCTest
@testable import Gazetteer

/// A gazetteer of its own for the record tests (the areacodes history and the prefecture
/// polygons), so that the places they create do not change what other suites count.
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

/// Place-name records: import from CSV and GeoJSON, the shipped tables through the documented
/// mappings, bad rows, editing with versions and audit, attachments by SHA-256, reverse lookup.
final class PlaceRecordTests: XCTestCase {
    var store: GazetteerStore!
    var lookup: PlaceLookup!

    override func setUpWithError() throws {
        store = try RecordFixture.shared.get()
        lookup = PlaceLookup(store: store)
    }

    static let csv = """
        code,name,parent,category,meaning,origin,history,source,page,lon,lat
        R-CSV-1,太白岩,500101,13,因李白曾在此读书得名,相传唐代诗人李白寓居万州时在此读书,明清时为万县八景之一,万州区地名志,35,108.3790,30.8160
        R-CSV-2,"万州长江大桥",500101,25,,,"1997年建成通车",万州区地名志,88,108.4000,30.8000
        """

    func testCSVRecordsWithKnownAnswers() throws {
        let file = try RecordFixture.file("records.csv", Self.csv)
        let mapping = try RecordColumnMapping(parsing: nil, constants: "level=feature")
        let report = try RecordImporter(file: file, mapping: mapping).run(into: store, actor: "li.ming")
        XCTAssertTrue(report.changed)
        XCTAssertEqual(report.count("places created"), 2)
        XCTAssertEqual(report.count("names"), 2)
        XCTAssertEqual(report.count("record texts"), 2)
        XCTAssertEqual(report.count("locations"), 2)
        XCTAssertEqual(report.count("citations"), 2)

        let place = try lookup.resolveOne("太白岩")
        XCTAssertEqual(place.level, .feature)
        let details = try lookup.details(of: place.id)
        XCTAssertEqual(details.codes.map(\.code), ["R-CSV-1"])
        XCTAssertEqual(details.category, try PlaceCategory(code: "13"))
        XCTAssertEqual(details.category?.name, "陆地地形")
        XCTAssertEqual(details.parents.map(\.code), ["500101"])
        let record = try XCTUnwrap(details.record)
        XCTAssertEqual(record.meaning, "因李白曾在此读书得名")
        XCTAssertEqual(record.origin, "相传唐代诗人李白寓居万州时在此读书")
        XCTAssertEqual(record.history, "明清时为万县八景之一")
        XCTAssertEqual(record.changedBy, "li.ming")
        XCTAssertEqual(record.versions, 1)
        XCTAssertEqual(record.locations.map(\.geometryType), ["Point"])
        XCTAssertEqual(record.locations.first?.point, [108.379, 30.816])
        XCTAssertEqual(record.locations.first?.summary, "Point 108.379000, 30.816000")
        XCTAssertEqual(record.citations.map(\.label), ["万州区地名志, p. 35, [records:records.csv]"])

        // Searched by the same search as divisions; JSON of the details carries the record.
        let hits = try NameSearch(store: store).search(SearchQuery("太白岩"))
        XCTAssertEqual(hits.first?.placeID, place.id)
        let bridge = try NameSearch(store: store).search(SearchQuery("长江大桥"))
        XCTAssertTrue(bridge.contains { $0.placeID == (try? lookup.resolveOne("R-CSV-2").id) })
        let json = String(decoding: try JSONEncoder().encode(details), as: UTF8.self)
        for needle in ["\"meaning\"", "因李白曾在此读书得名", "\"locations\"", "\"Point\"", "\"category\"", "陆地地形"] {
            XCTAssertTrue(json.contains(needle), needle)
        }

        // The import is audited; a second import writes nothing.
        XCTAssertTrue(try store.auditLog(limit: 5).contains { $0.action == "import.records" && $0.actor == "li.ming" })
        let before = try Fixture.snapshot(store)
        let again = try RecordImporter(file: file, mapping: mapping).run(into: store, actor: "li.ming")
        XCTAssertFalse(again.changed)
        XCTAssertEqual(try Fixture.snapshot(store), before)
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

    func testGeoJSONRecordsPointLinePolygonAndReverseLookupUsesDivisionsOnly() throws {
        let geocoder = try ReverseGeocoder(store: store)
        let reverseBefore = try geocoder.lookup(longitude: 108.38, latitude: 30.81)
        XCTAssertFalse(reverseBefore.isEmpty)
        let file = try RecordFixture.file("records.geojson", Self.geoJSON)
        let report = try RecordImporter(file: file, mapping: try RecordColumnMapping(parsing: nil, constants: "level=feature,parent=500101"))
            .run(into: store, actor: "tests")
        XCTAssertEqual(report.count("places created"), 3)
        XCTAssertEqual(report.count("locations"), 3)
        var types: [String: String] = [:]
        for code in ["R-GJ-P", "R-GJ-L", "R-GJ-A"] {
            let details = try lookup.details(of: try lookup.resolveOne(code).id)
            types[code] = details.record?.locations.first?.geometryType
        }
        XCTAssertEqual(types, ["R-GJ-P": "Point", "R-GJ-L": "LineString", "R-GJ-A": "Polygon"])
        let river = try XCTUnwrap(store.record(of: try lookup.resolveOne("苎溪河").id))
        XCTAssertEqual(river.locations.first?.bbox, [108.30, 30.81, 108.40, 30.85])
        XCTAssertEqual(river.category?.name, "河流")
        XCTAssertEqual(river.history, "古称苎溪")

        // The square's polygon contains the point, but reverse lookup reads division polygons only.
        let reverseAfter = try geocoder.lookup(longitude: 108.38, latitude: 30.81)
        XCTAssertEqual(reverseAfter, reverseBefore)
        XCTAssertFalse(reverseAfter.contains { $0.place.name == "平湖广场" })
        let rtreeRows = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM place_location_rtree WHERE min_x <= 108.38 AND max_x >= 108.38 AND min_y <= 30.81 AND max_y >= 30.81") }
        XCTAssertEqual(rtreeRows, 2, "the river's and the square's boxes hold the point in the locations' own R*Tree")
    }

    func testBadRowsNameFileRowAndProblemAndWriteNothing() throws {
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
            XCTAssertThrowsError(try RecordImporter(file: file, mapping: try RecordColumnMapping(parsing: nil, constants: "level=feature"))
                .run(into: store, actor: "tests"), name) { error in
                let message = (error as? GazetteerError)?.description ?? "\(error)"
                XCTAssertTrue(message.hasPrefix(expected), "\(name): \(message)")
            }
        }
        XCTAssertEqual(try Fixture.snapshot(store), before, "nothing was written")
    }

    /// The areacity township table through the record importer with the documented mapping.
    func testTownshipTableThroughRecordImporter() throws {
        let file = Fixture.geoData.appendingPathComponent("areacity/ok_data_level4.csv")
        let rows = try CSVReader.rows(in: try String(contentsOf: file, encoding: .utf8)).dropFirst()
        let townships = rows.filter { $0.fields[2] == "3" }
        XCTAssertEqual(Set(townships.map { $0.fields[6] }).count, townships.count, "one row per township code")
        let mapping = try RecordColumnMapping(parsing: "name=ext_name,code=ext_id,parent=pid", constants: "level=township,category=214", only: "deep=3")
        let importer = RecordImporter(file: file, mapping: mapping, skipUnknownParents: true)
        let report = try importer.run(into: store, actor: "tests")
        XCTAssertEqual(report.count("rows skipped (--only)"), rows.count - townships.count)
        XCTAssertEqual(report.count("places created") + report.count("rows skipped (parent not found)"), townships.count)
        XCTAssertEqual(report.count("places created"), 39_109, "as many as the township importer places")
        XCTAssertEqual(report.count("names"), report.count("places created"))
        let township = try lookup.resolveOne("500101001000")
        XCTAssertEqual(township.name, "高笋塘街道")
        let details = try lookup.details(of: township.id)
        XCTAssertEqual(details.category?.name, "乡级行政区域")
        XCTAssertEqual(details.parents.map(\.code), ["500101"])
        XCTAssertFalse(try importer.run(into: store, actor: "tests").changed)
    }

    /// The GeoNames table through the record importer: every row a populated place with its point.
    func testGeoNamesThroughRecordImporter() throws {
        let file = Fixture.geoData.appendingPathComponent("geonames-cn/geonames_cities15000_CN.tsv")
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
        let mapping = try RecordColumnMapping(parsing: "code=geonameid,romanization=asciiname", constants: "level=feature,category=24")
        let importer = RecordImporter(file: file, mapping: mapping)
        let report = try importer.run(into: store, actor: "tests")
        XCTAssertEqual(report.count("places created"), rows.count)
        XCTAssertEqual(report.count("locations"), rows.count)
        XCTAssertFalse(try importer.run(into: store, actor: "tests").changed)
        let yengisar = try lookup.resolveOne("1279590")
        XCTAssertEqual(yengisar.name, "Yengisar")
        let record = try XCTUnwrap(store.record(of: yengisar.id))
        XCTAssertEqual(record.locations.first?.point, [76.17139, 38.92583])
        XCTAssertEqual(record.category?.name, "居民点")
        XCTAssertEqual(try NameSearch(store: store).search(SearchQuery("yengisar")).first?.placeID, yengisar.id)
    }

    func testEditingKeepsEveryVersionAndIsAudited() throws {
        let place = try lookup.resolveOne("500101")
        let editor = RecordEditor(store: store)
        try editor.setText(placeID: place.id, RecordText(meaning: "万川毕汇，万商云集"), actor: "li")
        let second = try XCTUnwrap(try editor.setText(placeID: place.id, RecordText(history: "1998年由万县区更名"), actor: "wang"))
        XCTAssertEqual(second.meaning, "万川毕汇，万商云集")
        XCTAssertEqual(second.history, "1998年由万县区更名")
        XCTAssertEqual(second.versions, 2)
        // The same text again writes nothing.
        XCTAssertEqual(try editor.setText(placeID: place.id, RecordText(history: "1998年由万县区更名"), actor: "wang")?.versions, 2)
        let versions = try editor.versions(placeID: place.id)
        XCTAssertEqual(versions.map(\.text.history), [nil, "1998年由万县区更名"])
        XCTAssertNotNil(versions.first?.replacedAt)
        XCTAssertNil(versions.last?.replacedAt)
        let audit = try XCTUnwrap(try store.auditLog(limit: 10).first { $0.action == "record.set" && $0.actor == "wang" })
        XCTAssertEqual(audit.target, "place \(place.id)")
        XCTAssertTrue(audit.before?.contains("万川毕汇") ?? false)
        XCTAssertTrue(audit.after?.contains("1998年由万县区更名") ?? false)
        XCTAssertTrue(try editor.cite(placeID: place.id, sourceKey: "wanzhou-dmz", document: "万州区地名志", page: "12", actor: "li"))
        XCTAssertFalse(try editor.cite(placeID: place.id, sourceKey: "wanzhou-dmz", document: "万州区地名志", page: "12", actor: "li"))
        XCTAssertEqual(try store.record(of: place.id)?.citations.map(\.label), ["万州区地名志, p. 12, [wanzhou-dmz]"])
        // Text and citation together: one transaction, one audit entry.
        let audits = try store.auditLog(limit: 1000).count
        let updated = try editor.update(placeID: place.id, text: RecordText(note: "据2015年地名普查"),
                                        citation: RecordCitation(document: "第二次全国地名普查登记表", page: "500101-0001"), actor: "zhao")
        XCTAssertEqual(updated?.note, "据2015年地名普查")
        XCTAssertEqual(updated?.versions, 3)
        XCTAssertEqual(updated?.citations.count, 2)
        XCTAssertEqual(try store.auditLog(limit: 1000).count, audits + 1)
        XCTAssertTrue(try store.auditLog(limit: 1).first?.after?.contains("第二次全国地名普查登记表") ?? false)
        // Raw SQL cannot overwrite or delete a version.
        XCTAssertThrowsError(try store.pool.write { db in try db.execute(sql: "UPDATE place_record SET meaning = 'x' WHERE place_id = ?", arguments: [place.id]) })
        XCTAssertThrowsError(try store.pool.write { db in try db.execute(sql: "DELETE FROM place_record WHERE place_id = ?", arguments: [place.id]) })
        XCTAssertThrowsError(try editor.setText(placeID: 999_999_999, RecordText(note: "x"), actor: "li"))
    }

    func testAttachmentsRoundTripBySHA256AndAreNeverReplaced() throws {
        let place = try lookup.resolveOne("500103")
        let editor = RecordEditor(store: store)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("渝中区地名标志".utf8))
        let info = try editor.attach(placeID: place.id, data: png, fileName: "sign.png", caption: "地名标志", actor: "li")
        XCTAssertEqual(info.sha256, SHA256.hex(of: [UInt8](png)))
        XCTAssertEqual(info.size, png.count)
        XCTAssertEqual(info.mediaType, "image/png")
        let stored = try XCTUnwrap(try store.attachment(sha256: info.sha256.uppercased()))
        XCTAssertEqual(stored.data, png)
        XCTAssertEqual(stored.mediaType, "image/png")
        XCTAssertNil(try store.attachment(sha256: String(repeating: "0", count: 64)))
        XCTAssertNil(try store.attachment(sha256: "not-a-digest"))
        XCTAssertEqual(try store.record(of: place.id)?.attachments, [info])
        // The same bytes again: nothing new, no audit entry.
        let audits = try store.auditLog(limit: 1000).count
        XCTAssertEqual(try editor.attach(placeID: place.id, data: png, fileName: "sign.png", caption: "地名标志", actor: "li"), info)
        XCTAssertEqual(try store.auditLog(limit: 1000).count, audits)
        // Different bytes claiming the stored hash are refused, by the library and by the database.
        let other = Data(Array("other bytes".utf8))
        XCTAssertThrowsError(try editor.attach(placeID: place.id, data: other, fileName: "x.txt", caption: nil, claimedSHA256: info.sha256, actor: "li")) {
            XCTAssertTrue("\($0)".contains("not the claimed"), "\($0)")
        }
        XCTAssertThrowsError(try store.pool.write { db in
            try db.execute(sql: "INSERT INTO attachment (sha256, bytes, size, media_type, stored_at) VALUES (?, ?, ?, 'text/plain', 'now')",
                           arguments: [info.sha256, other, other.count])
        })
        XCTAssertThrowsError(try store.pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO attachment (sha256, bytes, size, media_type, stored_at) VALUES (?, ?, ?, 'text/plain', 'now')",
                           arguments: [info.sha256, other, other.count])
        })
        XCTAssertThrowsError(try store.pool.write { db in try db.execute(sql: "UPDATE attachment SET bytes = ?", arguments: [other]) })
        XCTAssertThrowsError(try store.pool.write { db in try db.execute(sql: "DELETE FROM attachment") })
        XCTAssertEqual(try store.attachment(sha256: info.sha256)?.data, png)
    }

    func testCategoryTable() throws {
        XCTAssertEqual(try PlaceCategory(code: "213").name, "县级行政区域")
        XCTAssertEqual(try PlaceCategory(code: "2421").name, "农村居民点")
        XCTAssertEqual(try PlaceCategory(code: "2501").name, "交通运输设施")
        for bad in ["", "3", "39", "99", "2x", "123456789"] { XCTAssertFalse(PlaceCategory.isKnown(bad), bad) }
        XCTAssertThrowsError(try RecordColumnMapping(parsing: "nmae=名称"))
        XCTAssertThrowsError(try RecordColumnMapping(parsing: nil, constants: "lon=经度"))
    }
}
