import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

@Suite struct CSVReaderTests {
    let markers = #"""
    number,type,X,Y,H,note
    J001,A,500100.25,3300200.5,312.4,"on the ridge, north side"
    J002,B,500180,3300260,,"says ""see map"""
    J003,C,500260.75,3300330.125,298,"two
    lines"

    """#

    @Test func pointTableWithNamedColumns() throws {
        let context = try GEOSContext()
        let options = CSVReadOptions(geometry: .points(x: "X", y: "Y", z: "H"), crs: "CGCS2000-GK3-CM108")
        let layer = try CSVReader(options: options).read(data: Data(markers.utf8), name: "markers", file: "markers.csv", context: context)
        #expect(layer.fields == ["number", "type", "note"])
        #expect(layer.crs == "CGCS2000-GK3-CM108")
        #expect(layer.features.count == 3)
        let first = try #require(layer.features[0].geometry)
        #expect(try first.coordinates() == [Coordinate(x: 500100.25, y: 3300200.5, z: 312.4)])
        #expect(try layer.features[1].geometry?.coordinates() == [Coordinate(x: 500180, y: 3300260)])
        #expect(layer.features[0].properties["note"] == .string("on the ridge, north side"))
        #expect(layer.features[1].properties["note"] == .string("says \"see map\""))
        #expect(layer.features[2].properties["note"] == .string("two\nlines"))
        #expect(layer.features[2].properties["number"] == .string("J003"))
    }

    @Test func automaticColumnsAndBOM() throws {
        let context = try GEOSContext()
        let text = "\u{FEFF}编号,类型,经度,纬度,高程\r\nJ1,单立,106.57,29.56,250\r\nJ2,同号双立,106.58,29.57,251\r\n"
        let layer = try CSVReader().read(data: Data(text.utf8), name: "m", file: "m.csv", context: context)
        #expect(layer.fields == ["编号", "类型"])
        #expect(layer.features[1].properties["类型"] == .string("同号双立"))
        #expect(try layer.features[1].geometry?.coordinates() == [Coordinate(x: 106.58, y: 29.57, z: 251)])
    }

    @Test func gbkIsDetectedAndHonoured() throws {
        let context = try GEOSContext()
        let text = "编号;名称;X;Y\nJ1;重庆市渝中区;106.57;29.56\n"
        let gbk = try TextEncoding.gbk.encode(text)
        #expect(String(validating: gbk, as: UTF8.self) == nil)
        let detected = try CSVReader().read(data: Data(gbk), name: "m", file: "m.csv", context: context)
        #expect(detected.features[0].properties["名称"] == .string("重庆市渝中区"))
        var options = CSVReadOptions()
        options.encoding = .gbk
        let explicit = try CSVReader(options: options).read(data: Data(gbk), name: "m", file: "m.csv", context: context)
        #expect(explicit.features[0].properties["名称"] == .string("重庆市渝中区"))
        // Told UTF-8 but given GBK: a clear error.
        options.encoding = .utf8
        let error = formatError { _ = try CSVReader(options: options).read(data: Data(gbk), name: "m", file: "m.csv", context: context) }
        #expect(error?.problem.contains("not valid UTF-8") == true)
    }

    @Test func wktColumn() throws {
        let context = try GEOSContext()
        let text = "id,name,WKT\n1,square,\"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))\"\n2,line,\"LINESTRING (0 0, 5 5)\"\n3,none,\n"
        let layer = try CSVReader().read(data: Data(text.utf8), name: "w", file: "w.csv", context: context)
        #expect(layer.fields == ["id", "name"])
        #expect(try layer.features[0].geometry?.area == 100)
        #expect(try layer.features[1].geometry?.type == .lineString)
        #expect(layer.features[2].geometry == nil)
    }

    @Test func typeInference() throws {
        let context = try GEOSContext()
        let text = "code,pop,area,label\n110000,21893095,16410.5,a\n010000,100,1,b\n"
        var options = CSVReadOptions(geometry: .none)
        options.inferTypes = true
        let layer = try CSVReader(options: options).read(data: Data(text.utf8), name: "t", file: "t.csv", context: context)
        #expect(layer.features[0].properties["code"] == .string("110000"))   // a code with a leading zero elsewhere stays text
        #expect(layer.features[0].properties["pop"] == .integer(21893095))
        #expect(layer.features[0].properties["area"] == .double(16410.5))
        #expect(layer.fieldType("pop") == .integer)
    }

    @Test(arguments: [
        ("number,X,Y\nJ1,500100,33002x0\n", "feature 1: line 2, column \"Y\": \"33002x0\" is not a number"),
        ("number,X,Y\nJ1,500100\n", "feature 1: line 2: has 2 fields; the header has 3"),
        ("number,X,Y\nJ1,nan,3300200\n", "column \"X\": nan is not a usable coordinate"),
        ("number,X,Y\nJ1,1e300,3300200\n", "column \"X\": 1e300 is not a usable coordinate"),
        ("number,X,Y\nJ1,500100,\"3300200\n", "line 2: a quoted field is never closed"),
        ("number,X,Y\nJ1,,3300200\n", "column \"X\": is empty"),
        ("", "the file is empty"),
        ("number,X,X\n", "column \"X\" appears twice"),
        ("id,WKT\n1,\"POLYGON ((0 0, 1 1\"\n", "feature 1: line 2, column \"WKT\": not Well-Known Text"),
        ("id,WKT\n1,\"POINT (nan 1)\"\n", "not a usable number"),
    ])
    func badTablesGiveClearErrors(text: String, expected: String) throws {
        let context = try GEOSContext()
        let error = formatError { _ = try CSVReader().read(data: Data(text.utf8), name: "bad", file: "bad.csv", context: context) }
        let message = try #require(error).description
        #expect(message.hasPrefix("bad.csv: "))
        #expect(message.contains(expected), "\(message)")
    }

    @Test func missingNamedColumn() throws {
        let context = try GEOSContext()
        let options = CSVReadOptions(geometry: .points(x: "E", y: "N"))
        let error = formatError { _ = try CSVReader(options: options).read(data: Data("a,b\n1,2\n".utf8), name: "t", file: "t.csv", context: context) }
        #expect(error?.problem == "no column \"E\"; the header has \"a\", \"b\"")
    }

    @Test func readsFromDisk() throws {
        let dir = try TestData.scratch()
        let url = try TestData.write(markers, "markers.csv", in: dir)
        let layer = try CSVReader().read(url, context: try GEOSContext())
        #expect(layer.name == "markers")
        #expect(layer.features.count == 3)
        #expect(layer.fields == ["number", "type", "note"])
    }
}
