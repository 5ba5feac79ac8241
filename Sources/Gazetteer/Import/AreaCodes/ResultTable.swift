import Foundation
import GeoFormats

/// `result.csv` of areacodes: one row per record with its period and successor codes.
///
/// The importer reads it to check its own work: every row must match the yearly tables
/// (the record is listed exactly from its start year up to its end year), and the successor
/// codes areacodes computed must equal those this importer resolved from the diffs.
struct ResultTable {
    struct Row {
        var code: Int
        var name: String
        var start: Int
        var end: Int?
        /// Successors without a year: where the territory went when the record ended.
        var successors: Set<Int>
        /// Successors with a year in brackets: territory transferred while in use.
        var transfers: [Int: Set<Int>]
        var line: Int
    }

    let rows: [Row]
    let source: String

    init(text: String, source: String) throws {
        self.source = source
        var rows: [Row] = []
        let lines: [CSVRow]
        do { lines = try CSVReader.rows(in: text) } catch {
            throw GazetteerError.invalidInput(source: source, line: error.line, message: error.message)
        }
        guard let header = lines.first, header.fields.count == 9, header.fields[0].hasSuffix("代码") else {
            throw GazetteerError.invalidInput(source: source, line: 1, message: "expected the nine-column areacodes header")
        }
        for line in lines.dropFirst() {
            let f = line.fields
            guard f.count == 9, let code = Int(f[0]), let start = Int(f[6]) else {
                throw GazetteerError.invalidInput(source: source, line: line.line, message: "expected nine fields with a code and a start year")
            }
            var row = Row(code: code, name: f[3], start: start, end: f[7].isEmpty ? nil : Int(f[7]),
                          successors: [], transfers: [:], line: line.line)
            if !f[7].isEmpty && row.end == nil {
                throw GazetteerError.invalidInput(source: source, line: line.line, message: "end year “\(f[7])” is not a year")
            }
            for item in f[8].split(separator: ";") {
                if let bracket = item.firstIndex(of: "["), let successor = Int(item[..<bracket]),
                   let year = Int(item[item.index(after: bracket)...].dropLast()) {
                    row.transfers[year, default: []].insert(successor)
                } else if let successor = Int(item) {
                    row.successors.insert(successor)
                } else {
                    throw GazetteerError.invalidInput(source: source, line: line.line, message: "malformed successor “\(item)”")
                }
            }
            rows.append(row)
        }
        self.rows = rows
    }

    /// Checks the rows against the tables and the resolved diffs; throws on the first disagreement.
    func check(tables: [Int: YearTable], lineTargets: [Int: [Int: Set<Int>]], lastYear: Int) throws {
        for row in rows {
            func fail(_ message: String) -> GazetteerError {
                .invalidInput(source: source, line: row.line, message: "\(YearTable.format(row.code)) \(row.name): \(message)")
            }
            let end = row.end ?? lastYear + 1
            for year in row.start..<end where tables[year]?.name(of: row.code) != row.name {
                throw fail("not listed in the \(year) table although in use \(row.start)–\(end)")
            }
            if let rowEnd = row.end {
                let resolved = lineTargets[rowEnd]?[row.code] ?? []
                if resolved != row.successors {
                    throw fail("successors \(row.successors.sorted()) in result.csv, \(resolved.sorted()) resolved from the \(rowEnd - 1)-\(rowEnd) diff")
                }
            }
            for (year, expected) in row.transfers {
                let resolved = (lineTargets[year]?[row.code] ?? []).subtracting([row.code])
                if resolved != expected {
                    throw fail("transfers of \(year) are \(expected.sorted()) in result.csv, \(resolved.sorted()) in the diff")
                }
            }
        }
    }
}
