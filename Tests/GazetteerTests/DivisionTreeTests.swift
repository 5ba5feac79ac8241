import Foundation
import XCTest
@testable import Gazetteer

final class DivisionTreeTests: XCTestCase {
    /// For every year 1981–2024 the tree on 31 December equals `data/YEAR.txt`, line for line.
    func testAllYearlyTreesEqualTheTables() throws {
        let store = try Fixture.store()
        for year in 1981...2024 {
            let text = try String(contentsOf: Fixture.areacodes.appendingPathComponent("data/\(year).txt"), encoding: .utf8)
            let expected = text.split(separator: "\n").map(String.init)
            let tree = try DivisionTree(store: store, at: Day(parsing: String(year)))
            if tree.lines != expected {
                let firstDifference = zip(tree.lines, expected).enumerated().first { $0.element.0 != $0.element.1 }
                XCTFail("\(year): \(tree.lines.count) lines, table has \(expected.count); first difference at \(firstDifference.map { "line \($0.offset + 1): \($0.element.0) ≠ \($0.element.1)" } ?? "the end")")
            }
        }
    }

    func testSubtreeOfSichuanIn1990() throws {
        let store = try Fixture.store()
        let tree = try DivisionTree(store: store, at: Day(parsing: "1990"), rootCode: "510000")
        XCTAssertEqual(tree.nodes.first?.code, "510000")
        XCTAssertEqual(tree.nodes.first?.depth, 0)
        XCTAssertTrue(tree.lines.contains("512221 万县"))
        XCTAssertTrue(tree.lines.contains("510200 重庆市"))
        XCTAssertFalse(tree.lines.contains { $0.hasPrefix("500") })
        XCTAssertEqual(tree.nodes.first { $0.code == "512221" }?.depth, 2)
    }

    func testUnknownRootIsNotFound() throws {
        let store = try Fixture.store()
        XCTAssertThrowsError(try DivisionTree(store: store, at: Day(parsing: "1990"), rootCode: "500000")) { error in
            XCTAssertEqual(error as? GazetteerError, .notFound("no division has code 500000 on 1990-12-31"))
        }
    }
}
