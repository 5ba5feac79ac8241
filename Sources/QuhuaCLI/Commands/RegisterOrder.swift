import ArgumentParser
import Foundation
import Gazetteer
import Register

/// `quhua register order`: work orders opened from patrol findings.
struct RegisterOrder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order", abstract: "Work orders: open → assigned → done → verified, or cancelled.",
        discussion: """
        Any other step is refused with the steps allowed, and nothing changes. Each step is dated \
        (--date, default today) and signed (--actor). A done order with --replaced-at records a \
        replaced marker as a new version of the marker.

        Example:
          quhua register order open --patrol 1 --marker 0004-001
          quhua register order assign 1 --to 赵六
          quhua register order done 1 --replaced-at 499936.660,3780801.070
          quhua register order verify 1
        """,
        subcommands: [RegisterOrderOpen.self, RegisterOrderStep<AssignStep>.self, RegisterOrderStep<DoneStep>.self,
                      RegisterOrderStep<VerifyStep>.self, RegisterOrderStep<CancelStep>.self, RegisterOrderList.self])
}

struct RegisterOrderOpen: RegisterCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a work order for a marker a patrol found not intact.")

    @OptionGroup var options: RegisterOptions

    @Option(help: ArgumentHelp("The patrol whose finding it follows.", valueName: "id"))
    var patrol: Int64

    @Option(help: ArgumentHelp("The marker to repair.", valueName: "number"))
    var marker: String

    @Option(help: ArgumentHelp("The day (default today).", valueName: "date"))
    var date: String?

    @Option(help: "A note.")
    var note: String?

    func validate() throws { _ = try registerDay(date, option: "--date") }

    func execute() throws {
        let order = try options.openStore().openWorkOrder(patrol: patrol, marker: marker, on: try registerDay(date, option: "--date") ?? .today,
                                                          note: note, actor: options.actorName)
        try options.emit(order) { RegisterText.workOrder(order) }
    }
}

/// The state a step command moves an order to.
protocol OrderStepKind {
    static var state: WorkOrderState { get }
    static var name: String { get }
    static var abstract: String { get }
}

enum AssignStep: OrderStepKind {
    static let state = WorkOrderState.assigned, name = "assign", abstract = "Assign an open order (--to NAME)."
}
enum DoneStep: OrderStepKind {
    static let state = WorkOrderState.done, name = "done", abstract = "Mark an assigned order done (--replaced-at X,Y[,H] when the marker was replaced)."
}
enum VerifyStep: OrderStepKind {
    static let state = WorkOrderState.verified, name = "verify", abstract = "Verify a done order."
}
enum CancelStep: OrderStepKind {
    static let state = WorkOrderState.cancelled, name = "cancel", abstract = "Cancel an open or assigned order."
}

struct RegisterOrderStep<Kind: OrderStepKind>: RegisterCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: Kind.name, abstract: Kind.abstract) }

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The work order's number.")
    var id: Int64

    @Option(help: ArgumentHelp("The day of the step (default today).", valueName: "date"))
    var date: String?

    @Option(help: "A note.")
    var note: String?

    @Option(help: ArgumentHelp("Who the order is assigned to (assign only).", valueName: "name"))
    var to: String?

    @Option(name: .customLong("replaced-at"), help: ArgumentHelp("Where the replacement marker was set (done only).", valueName: "X,Y[,H]"))
    var replacedAt: String?

    func validate() throws {
        _ = try registerDay(date, option: "--date")
        if Kind.state == .assigned && to == nil { throw ValidationError("Give --to NAME: who the order is assigned to.") }
        if Kind.state != .assigned && to != nil { throw ValidationError("--to is for `register order assign` only.") }
        if Kind.state != .done && replacedAt != nil { throw ValidationError("--replaced-at is for `register order done` only.") }
    }

    func execute() throws {
        let order = try options.openStore().advanceWorkOrder(
            id, to: Kind.state, on: try registerDay(date, option: "--date") ?? .today, note: note, assignee: to,
            replacedAt: try replacedAt.map { try Position(parsing: $0, field: "--replaced-at") }, actor: options.actorName)
        try options.emit(order) { RegisterText.workOrder(order) }
    }
}

struct RegisterOrderList: RegisterCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List work orders.")

    @OptionGroup var options: RegisterOptions

    @Flag(help: "Only orders not yet verified or cancelled.")
    var open = false

    func execute() throws {
        let orders = try options.openStore().workOrders(openOnly: open)
        try options.emit(orders) { orders.isEmpty ? "no work orders\n" : orders.map(RegisterText.workOrder).joined() }
    }
}
