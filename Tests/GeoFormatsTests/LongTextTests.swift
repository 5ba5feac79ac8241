import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

/// Megabyte-long text where a few bytes are expected: fuzz finds that ran for minutes. The tests
/// assert the answers, not timings; the quadratic versions made them run for minutes (a hang a
/// reviewer sees), the linear ones take milliseconds.
@Suite struct LongTextTests {
    /// A .prj with a megabyte of letters before a bracket: its keyword was built a letter at a time.
    @Test func longWordsInWKT() {
        let wkt = #"PROJCS["CGCS2000_3_Degree_GK_CM_108E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000","#
            + String(repeating: "北", count: 1 << 20) + #"PARAMETER["Central_Meridian",108.0]]"#
        let id = CRSIdentification.identify(wkt: wkt)
        #expect(id != nil, "the name still identifies the CRS")
        #expect(CRSIdentification.topLevelEPSG(#"PROJCS["x",XAUTHORITY["EPSG","1"],AUTHORITY["EPSG","4490"]]"#) == 4490)
    }

    // JSON text for names and values of any length: a 1 MB field name, written once per feature,
    // made `convert` run for minutes when strings were escaped a scalar at a time.

    @Test func escapesAsBefore() {
        #expect(NumberText.jsonString("北京 \"q\" \\ \n\r\t\u{01}\u{1F} 😀") == #""北京 \"q\" \\ \n\r\t\u0001\u001f 😀""#)
        #expect(NumberText.jsonString("") == "\"\"")
    }

    @Test func longStringsAreEscaped() {
        let long = String(repeating: "A", count: 1 << 20) + "\"" + String(repeating: "区", count: 1 << 18)
        var text = ""
        for _ in 0..<20 { text = NumberText.jsonString(long) }
        #expect(text.utf8.count == long.utf8.count + 3)
        #expect(text.hasPrefix("\"AAAA") && text.hasSuffix("区区\""))
    }
}

/// A megabyte-long KML field name in one placemark was written once per feature of the GeoJSON
/// output (1.8 GB from a 6 MB file): `GeoFormat.read` refuses names beyond a kilobyte.
@Suite struct LongFieldNameTests {
    @Test func longFieldNamesAreRefused() throws {
        let dir = try TestData.scratch()
        let name = String(repeating: "\\u0000", count: 1000)
        let kml = """
            <kml><Document>
            <Placemark><name>a</name><Point><coordinates>1,2</coordinates></Point></Placemark>
            <Placemark><ExtendedData><Data name="\(name)"><value>x</value></Data></ExtendedData><Point><coordinates>1,2</coordinates></Point></Placemark>
            </Document></kml>
            """
        let url = try TestData.write(kml, "long-name.kml", in: dir)
        let e = formatError { _ = try GeoFormat.read(url, context: try GEOSContext()) }
        #expect(e?.file.hasSuffix("long-name.kml") == true && e?.feature == 2, "\(e?.description ?? "no error")")
        #expect(e?.problem.contains("a field name is 6000 bytes long") == true, "\(e?.description ?? "no error")")
        // A kilobyte is still read.
        let ok = try TestData.write(kml.replacingOccurrences(of: name, with: String(repeating: "n", count: GeoFormat.maximumFieldNameLength)), "ok.kml", in: dir)
        #expect(try GeoFormat.read(ok, context: try GEOSContext()).features.count == 2)
    }
}
