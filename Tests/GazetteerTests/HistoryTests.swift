import Foundation
import GRDB
import Testing
@testable import Gazetteer

/// Chains and events asserted by hand from the gazette texts in the areacodes diffs.
@Suite struct HistoryTests {
    let store: GazetteerStore
    let lookup: PlaceLookup

    init() throws {
        store = try Fixture.store()
        lookup = PlaceLookup(store: store)
    }

    private func event(_ events: [EventRecord], _ type: ChangeType, on date: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> EventRecord {
        let matches = events.filter { $0.type == type && $0.effectiveDate == date }
        #expect(matches.count == 1, "one \(type) on \(date) in \(events.map(\.summary))", sourceLocation: sourceLocation)
        return try #require(matches.first, sourceLocation: sourceLocation)
    }

    /// 国函〔1992〕194号: 撤销万县地区及万县市、万县，设立万县市（地级）…设三个市辖区：龙宝区、天城区和五桥区。
    /// 中办厅字〔1997〕34号: 撤销万县市及其所辖的龙宝区、天城区、五桥区，设立重庆市万县区。
    /// 国函〔1998〕37号: 同意万县区更名为万州区。
    @Test func wanxianBecomesWanzhou() throws {
        let wanxian = try lookup.resolveOne("万县")
        #expect(wanxian.code == "512221")
        #expect(wanxian.status == "ceased")
        let chain = try HistoryTracer(store: store).trace(placeID: wanxian.id)

        let split = try event(chain.events, .reorganized, on: "1992-12-11")
        #expect(Set(split.participants(.predecessor).compactMap(\.name)) == ["万县市", "万县"])
        #expect(Set(split.participants(.successor).compactMap(\.name)) == ["龙宝区", "天城区", "五桥区"])
        #expect(split.documents.first?.number == "国函〔1992〕194号")

        let merge = try event(chain.events, .merged, on: "1997-12-20")
        #expect(Set(merge.participants(.predecessor).compactMap(\.code)) == ["511202", "511203", "511204"])
        #expect(merge.participants(.successor).map(\.name) == ["万县区"])
        #expect(merge.documents.first?.number == "中办厅字〔1997〕34号")

        let rename = try event(chain.events, .renamed, on: "1998-05-22")
        #expect(rename.detail == "万县区 → 万州区")
        #expect(rename.documents.first?.number == "国函〔1998〕37号")

        let today = try #require(chain.members.first { $0.relation == "after" && $0.place.status == "current" })
        #expect(today.place.code == "500101")
        #expect(today.place.name == "万州区")
        #expect(today.names == ["万县区 (1997-12-20–1998-05-22)", "万州区 (1998-05-22–)"])
    }

    /// 第八届全国人民代表大会第五次会议关于批准设立重庆直辖市的决定 (1997-03-14): 批准设立重庆直辖市…管辖原重庆市、万县市、涪陵市和黔江地区所辖行政区域。
    @Test func chongqingSeparatesFromSichuanIn1997() throws {
        let chongqing = try lookup.resolveOne("500000")
        #expect(chongqing.name == "重庆市")
        let details = try lookup.details(of: chongqing.id)
        #expect(details.codes.filter { $0.scheme == "GB2260" }.map(\.code) == ["510200", "500000"])
        #expect(details.codes.first?.period.to == "1997-03-14")
        #expect(details.parents.map(\.name) == ["四川省", "中华人民共和国"])

        let reparent = try event(details.events, .reparented, on: "1997-03-14")
        #expect(reparent.detail == "四川省 → 中华人民共和国")
        #expect(reparent.documents.first?.title == "第八届全国人民代表大会第五次会议关于批准设立重庆直辖市的决定")
        let recode = try event(details.events, .recoded, on: "1997-03-14")
        #expect(recode.detail == "510200 → 500000")

        let merge = try event(details.events, .merged, on: "1997-12-20")
        #expect(Set(merge.participants(.predecessor).compactMap(\.name)) == ["万县市", "涪陵市", "黔江地区"])
        #expect(merge.participants(.donor).map(\.name) == ["四川省"])

        // Sichuan's own history shows the separation.
        let sichuan = try lookup.resolveOne("510000")
        let sichuanEvents = try lookup.details(of: sichuan.id).events
        #expect(sichuanEvents.contains { $0.id == merge.id })

        // In 1996 Chongqing was a prefecture-level city of Sichuan.
        let in1996 = try lookup.details(of: chongqing.id, at: Day(parsing: "1996"))
        #expect(in1996.ancestry.map { $0.place.code } == ["510200", "510000", "000000"])
    }

    /// （85）国函字53号 (1985-04-15): 同意撤销武威县，设立武威市（县级），以原武威县的行政区域为武威市的行政区域。
    @Test func wuweiCountyBecomesCity() throws {
        let wuwei = try lookup.resolveOne("武威县")
        let events = try lookup.details(of: wuwei.id).events
        let rename = try event(events, .renamed, on: "1985-04-15")
        #expect(rename.detail == "武威县 → 武威市")
        #expect(rename.documents.first?.number == "（85）国函字53号")
        #expect(try event(events, .recoded, on: "1985-04-15").detail == "622321 → 622301")
    }

    /// （85）国函字10号 (1985-01-17): 锦西、北票、海城、复县 became the cities 锦西市、北票市、海城市、瓦房店市.
    @Test func fourLiaoningCountiesBecomeCitiesUnderOneDocument() throws {
        let renames = try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT e.detail FROM change_event e JOIN event_document ed ON ed.event_id = e.id AND ed.position = 0
                JOIN document d ON d.id = ed.document_id
                WHERE d.number = '（85）国函字10号' AND e.type = 'renamed' ORDER BY e.detail
                """)
        }
        #expect(renames == ["北票县 → 北票市", "复县 → 瓦房店市", "海城县 → 海城市", "锦西县 → 锦西市"])
    }

    /// The 2023–2024 diff, read by hand: four transfers (维西→德钦; 疏附、疏勒→喀什市; 阿图什、乌恰→图木舒克市;
    /// 和静、焉耆、博湖、尉犁、且末→铁门关市) and two new counties (和康县 from 皮山县, 和安县 from 和田县).
    @Test func eventsOf2024() throws {
        let counts = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT type, count(*) AS n FROM change_event WHERE effective_date BETWEEN '2024-01-01' AND '2024-12-31' GROUP BY type
                """).reduce(into: [String: Int]()) { $0[$1["type"]] = $1["n"] }
        }
        #expect(counts == ["transferred": 4, "established": 2])
        let hekang = try lookup.resolveOne("和康县")
        let established = try #require(try lookup.details(of: hekang.id).events.first)
        #expect(established.type == .established)
        #expect(established.effectiveDate == "2024-12-27")
        #expect(established.participants(.donor).map(\.name) == ["皮山县"])
        let tiemenguan = try lookup.resolveOne("659006")
        let transfer = try #require(try lookup.details(of: tiemenguan.id).events.first { $0.effectiveDate == "2024-05-31" })
        #expect(transfer.type == .transferred)
        #expect(Set(transfer.participants(.donor).compactMap(\.name)) == ["和静县", "焉耆回族自治县", "博湖县", "尉犁县", "且末县"])
        #expect(transfer.participants(.receiver).map(\.name) == ["铁门关市"])
    }

    /// Whole-history figures: every year transition produced events, and every event has a participant.
    @Test func eventTotals() throws {
        let (events, orphans, years, dayPrecision) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM change_event") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM change_event e WHERE NOT EXISTS (SELECT 1 FROM change_participant p WHERE p.event_id = e.id)") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT substr(effective_date, 1, 4)) FROM change_event") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM change_event WHERE date_precision = 'day'") ?? 0)
        }
        #expect(orphans == 0)
        #expect(years == 43)
        #expect(events > 5000)
        #expect((Double(dayPrecision) / Double(events)) > 0.8, "most events carry the gazette's date")
    }

    @Test func ambiguousNameListsCandidates() throws {
        do {
            _ = try lookup.resolveOne("万县市")
            Issue.record("no error")
        } catch {
            if case let .ambiguous(_, candidates)? = error as? GazetteerError {
                #expect(candidates.count == 2)
                #expect(candidates.contains { $0.hasPrefix("512201 万县市") })
                #expect(candidates.contains { $0.hasPrefix("511200 万县市") })
            } else {
                Issue.record("\(error)")
            }
        }
        do {
            _ = try lookup.resolveOne("不存在县")
            Issue.record("no error")
        } catch {
            let notFound = if case .notFound? = error as? GazetteerError { true } else { false }
            #expect(notFound, "\(error)")
        }
    }
}
