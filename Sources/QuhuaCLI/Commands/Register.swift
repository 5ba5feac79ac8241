import ArgumentParser

/// `quhua register`: the boundary upkeep register.
struct RegisterGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "The boundary upkeep register: lines and markers under care, patrols, work orders, disputes, schedules.",
        discussion: """
        The register is its own SQLite file (--db; default ~/.local/share/quhua/register.sqlite). \
        Nothing in it is deleted and every change is in its audit log. See docs/register.md.

        Example, on the shipped inspection sample:
          quhua register import GeoData/samples/inspection/before --date 2020-06-18 --agreement "陕界〔2020〕1号"
          quhua register patrol add --date 2023-04-02 --patroller 王五 --marker 0004-001:moved --measured 0004-001=499937.560,3780802.270
          quhua register order open --patrol 1 --marker 0004-001
          quhua register show 0004-001
        """,
        subcommands: [
            RegisterImport.self, RegisterShow.self,
            RegisterUnit.self, RegisterPerson.self, RegisterAssign.self, RegisterUnassign.self, RegisterResponsible.self,
            RegisterPatrol.self, RegisterOrder.self, RegisterDispute.self, RegisterEvent.self,
            RegisterDue.self, RegisterReportCommand.self,
        ])
}
