import Foundation
import Testing
@testable import Gazetteer

@Suite struct DivisionTreeTests {
    /// For every year 1981–2024 the tree on 31 December equals `data/YEAR.txt`, line for line.
    @Test func allYearlyTreesEqualTheTables() throws {
        let store = try Fixture.store()
        for year in 1981...2024 {
            let text = try String(contentsOf: Fixture.areacodes.appendingPathComponent("data/\(year).txt"), encoding: .utf8)
            let expected = text.split(separator: "\n").map(String.init)
            let tree = try DivisionTree(store: store, at: Day(parsing: String(year)))
            if tree.lines != expected {
                let firstDifference = zip(tree.lines, expected).enumerated().first { $0.element.0 != $0.element.1 }
                Issue.record("\(year): \(tree.lines.count) lines, table has \(expected.count); first difference at \(firstDifference.map { "line \($0.offset + 1): \($0.element.0) ≠ \($0.element.1)" } ?? "the end")")
            }
        }
    }

    @Test func subtreeOfSichuanIn1990() throws {
        let store = try Fixture.store()
        let tree = try DivisionTree(store: store, at: Day(parsing: "1990"), rootCode: "510000")
        #expect(tree.nodes.first?.code == "510000")
        #expect(tree.nodes.first?.depth == 0)
        #expect(tree.lines.contains("512221 万县"))
        #expect(tree.lines.contains("510200 重庆市"))
        #expect(!tree.lines.contains { $0.hasPrefix("500") })
        #expect(tree.nodes.first { $0.code == "512221" }?.depth == 2)
    }

    @Test func unknownRootIsNotFound() throws {
        let store = try Fixture.store()
        #expect(throws: GazetteerError.notFound("no division has code 500000 on 1990-12-31")) {
            try DivisionTree(store: store, at: Day(parsing: "1990"), rootCode: "500000")
        }
    }
}
