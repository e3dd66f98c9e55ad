import ArgumentParser
import Derivations
import Symbolic

struct ListSteps: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the encoded articles and steps.")

    @Argument(help: "Article numbers or step IDs (default: all).")
    var selectors: [String] = []

    func run() throws {
        for (derivation, steps) in try Selection.resolve(selectors) {
            try Output.line("\(derivation.number)  \(derivation.title)  (\(derivation.url), \(steps.count) steps)")
            for step in steps {
                try Output.line("  \(pad(step.id, 10)) \(pad(step.kind, 18)) \(pad(step.expected.rawValue, 15)) \(step.title)")
            }
        }
        try Output.finish()
    }
}

func pad(_ text: String, _ width: Int) -> String {
    let count = text.count
    return count >= width ? text : text + String(repeating: " ", count: width - count)
}
