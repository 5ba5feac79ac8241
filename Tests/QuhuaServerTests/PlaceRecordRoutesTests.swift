import Foundation
import Gazetteer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Publishing
import Testing

@Suite("Place-name records over HTTP") struct PlaceRecordRoutesTests {
    /// A record with a photo written through the library, read back through the routes (in Beijing:
    /// the book tests compile Chongqing from the same database and expect no meaning there).
    @Test func placeCarriesItsRecordAndServesItsAttachments() async throws {
        let store = try ServerFixture.built().services.store
        let place = try PlaceLookup(store: store).resolveOne("110101")
        let editor = RecordEditor(store: store)
        try editor.setText(placeID: place.id, RecordText(meaning: "因东城门得名", history: "1958年设东城区"), actor: "tests")
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("东城区地名标志".utf8))
        let photo = try editor.attach(placeID: place.id, data: png, fileName: "sign.png", caption: "地名标志", actor: "tests")
        let other = try PlaceLookup(store: store).resolveOne("110102")
        let elsewhere = try editor.attach(placeID: other.id, data: Data("西城区档案".utf8), fileName: "note.txt", caption: nil, actor: "tests")

        // The standard gazetteer book prints the record's meaning.
        let book = try GazetteerBook(store: store, within: "110101", day: Day.today).compile()
        #expect(book.entries.first { $0.code == "110101" }?.meaning == "因东城门得名")

        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/places/110101", method: .get) { response in
                #expect(response.status == .ok)
                let json = response.json["place"] as? [String: Any] ?? [:]
                let record = json["record"] as? [String: Any] ?? [:]
                #expect(record["meaning"] as? String == "因东城门得名")
                #expect(record["history"] as? String == "1958年设东城区")
                let attachments = record["attachments"] as? [[String: Any]] ?? []
                #expect(attachments.first?["sha256"] as? String == photo.sha256)
                #expect(attachments.first?["size"] as? Int == png.count)
                #expect((json["category"] as? [String: Any])?["name"] as? String == "县级行政区域")
            }
            try await client.execute(uri: "/places/110101/attachments/\(photo.sha256)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/png")
                #expect(Data(buffer: response.body) == png)
            }
            for missing in [String(repeating: "a", count: 64), elsewhere.sha256, "not-a-digest"] {
                try await client.execute(uri: "/places/110101/attachments/\(missing)", method: .get) { response in
                    #expect(response.status == .notFound, "\(missing)")
                }
            }
            try await client.execute(uri: "/api", method: .get) { response in
                let paths = response.json["paths"] as? [String: Any] ?? [:]
                #expect(paths["/places/{ref}/attachments/{sha256}"] != nil)
            }
        }
    }

    /// A named feature imported as a record: its location in the JSON, its category as its Linked Places type.
    @Test func aRecordedFeatureIsAPlaceWithItsCategoryAndLocation() async throws {
        let store = try ServerFixture.built().services.store
        let file = ServerFixture.temporaryDirectory("records").appendingPathComponent("river.geojson")
        try """
            {"type": "FeatureCollection", "features": [{"type": "Feature",
              "properties": {"code": "R-SRV-1", "name": "苎溪河", "category": "121", "history": "古称苎溪"},
              "geometry": {"type": "LineString", "coordinates": [[108.30, 30.85], [108.36, 30.82], [108.40, 30.81]]}}]}
            """.write(to: file, atomically: true, encoding: .utf8)
        let mapping = try RecordColumnMapping(parsing: nil, constants: "level=feature,parent=110101")
        _ = try RecordImporter(file: file, mapping: mapping).run(into: store, actor: "tests")
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/places/R-SRV-1", method: .get) { response in
                #expect(response.status == .ok)
                let record = (response.json["place"] as? [String: Any])?["record"] as? [String: Any] ?? [:]
                let location = (record["locations"] as? [[String: Any]])?.first ?? [:]
                #expect(location["geometryType"] as? String == "LineString")
                #expect(location["bbox"] as? [Double] == [108.30, 30.81, 108.40, 30.85])
                #expect(record["history"] as? String == "古称苎溪")
            }
            try await client.execute(uri: "/places/R-SRV-1?f=lpf", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("gbt18521:121"), "\(response.text.prefix(400))")
                #expect(response.text.contains("河流"))
            }
        }
    }
}
