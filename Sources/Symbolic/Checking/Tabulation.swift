/// A table a step shows beside its verdict (`derive show`): values the checker computes to
/// put the article's claim in context, e.g. several approximations side by side.
public struct Tabulation: Sendable {
    public let title: String
    public let columns: [String]
    public let rows: @Sendable (CheckOptions) throws -> [[String]]

    public init(_ title: String, columns: [String], rows: @escaping @Sendable (CheckOptions) throws -> [[String]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// Plain-text rendering with padded columns.
    public func render(_ options: CheckOptions) -> [String] {
        let body: [[String]]
        do { body = try rows(options) } catch { return ["\(title): could not compute (\(error))"] }
        let all = [columns] + body
        let widths = columns.indices.map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        let lines = all.map { row in
            row.enumerated().map { c, cell in cell + String(repeating: " ", count: Swift.max(0, widths[c] - cell.count)) }
                .joined(separator: "  ")
        }
        return [title] + lines
    }
}
