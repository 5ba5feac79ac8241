import Foundation
import GRDB

/// A naming case: an application to name a new place or rename an existing one, through
/// review, approval (or rejection), announcement and filing, as the 2022 Regulations on Place
/// Names lay out.
///
/// ```
/// applied ──review──▶ under_review ──approve──▶ approved ──announce──▶ announced ──file──▶ filed
///    │                    │
///    └──────reject────────┴──────▶ rejected
/// ```
public struct NamingCase: Sendable, Codable, Equatable {
    /// Where a case stands.
    public enum State: String, Sendable, Codable, CaseIterable {
        case applied
        case underReview = "under_review"
        case approved, rejected, announced, filed

        /// The steps allowed from this state.
        public var next: [Step] {
            switch self {
            case .applied: [.review, .reject]
            case .underReview: [.approve, .reject]
            case .approved: [.announce]
            case .announced: [.file]
            case .rejected, .filed: []
            }
        }
    }

    /// A step of the workflow.
    public enum Step: String, Sendable, Codable, CaseIterable {
        case review, approve, reject, announce, file

        /// The state a case reaches by this step.
        public var target: State {
            switch self {
            case .review: .underReview
            case .approve: .approved
            case .reject: .rejected
            case .announce: .announced
            case .file: .filed
            }
        }
    }

    /// What the case asks for.
    public enum Action: String, Sendable, Codable, CaseIterable {
        /// Name a new place.
        case name
        /// Give an existing place a new name.
        case rename
    }

    public var id: Int64
    public var state: State
    public var action: Action
    /// The place renamed, or created on announcement.
    public var placeID: Int64?
    /// For a new place: its parent.
    public var parentID: Int64?
    public var proposedName: String
    public var romanization: String?
    /// What the name means (含义).
    public var meaning: String?
    /// Where the name comes from (由来).
    public var origin: String?
    public var applicant: String
    /// The authority that decides (审批机关).
    public var authority: String?
    public var appliedOn: String
    public var decidedOn: String?
    /// The decision's document number (批准文号), or the reason of a rejection.
    public var decisionDocument: String?
    public var announcedOn: String?
    /// The announcement's reference (公告).
    public var announcementRef: String?
    public var filedOn: String?
    public var filingRef: String?
    /// The change event the announcement created.
    public var eventID: Int64?
    /// Level, kind and code of a new place.
    public var level: PlaceLevel?
    public var kind: PlaceKind?
    public var code: String?
    public var note: String?

    init(row: Row) {
        id = row["id"]
        state = State(rawValue: row["state"]) ?? .applied
        action = Action(rawValue: row["action"]) ?? .name
        placeID = row["place_id"]
        parentID = row["parent_id"]
        proposedName = row["proposed_name"]
        romanization = row["romanization"]
        meaning = row["meaning"]
        origin = row["origin"]
        applicant = row["applicant"]
        authority = row["authority"]
        appliedOn = row["applied_on"]
        decidedOn = row["decided_on"]
        decisionDocument = row["decision_document"]
        announcedOn = row["announced_on"]
        announcementRef = row["announcement_ref"]
        filedOn = row["filed_on"]
        filingRef = row["filing_ref"]
        eventID = row["event_id"]
        level = (row["level"] as String?).flatMap(PlaceLevel.init(rawValue:))
        kind = (row["kind"] as String?).flatMap(PlaceKind.init(rawValue:))
        code = row["code"]
        note = row["note"]
    }
}

/// An application, as filed.
public struct NamingApplication: Sendable, Equatable {
    public var action: NamingCase.Action
    /// For a rename: the code or id of the place. For a new place: its code, if it has one.
    public var placeCode: String?
    /// For a new place: the code of its parent.
    public var parentCode: String?
    /// For a new place: township, village or feature (default feature).
    public var level: PlaceLevel?
    /// What the name is for, for the name check; default: inferred from the generic term.
    public var category: NameCategory?
    public var proposedName: String
    /// Default: the Pinyin module's romanisation.
    public var romanization: String?
    public var meaning: String?
    public var origin: String?
    public var applicant: String
    public var authority: String?
    public var appliedOn: Day
    public var note: String?

    public init(action: NamingCase.Action, proposedName: String, applicant: String, appliedOn: Day,
                placeCode: String? = nil, parentCode: String? = nil, level: PlaceLevel? = nil, romanization: String? = nil,
                meaning: String? = nil, origin: String? = nil, authority: String? = nil, note: String? = nil,
                category: NameCategory? = nil) {
        self.action = action
        self.category = category
        self.proposedName = proposedName
        self.applicant = applicant
        self.appliedOn = appliedOn
        self.placeCode = placeCode
        self.parentCode = parentCode
        self.level = level
        self.romanization = romanization
        self.meaning = meaning
        self.origin = origin
        self.authority = authority
        self.note = note
    }
}

/// One step a naming case went through.
public struct NamingStep: Sendable, Codable, Equatable {
    public var from: String?
    public var to: String
    public var actor: String
    /// When it was recorded, UTC ISO 8601.
    public var at: String
    public var note: String?

    init(row: Row) {
        let from: String? = row["from_state"]
        let to: String = row["to_state"]
        let actor: String = row["actor"]
        let at: String = row["at"]
        let note: String? = row["note"]
        self.from = from
        self.to = to
        self.actor = actor
        self.at = at
        self.note = note
    }
}
