import Symbolic

extension Articles {
    /// 11301 — Rethinking learning rate and batch size (IV): EMA (kexue.fm/archives/11301).
    public static let emaBatchSize = Derivation(
        11301, title: "Rethinking learning rate and batch size (IV): EMA", originalTitle: "重新思考学习率与Batch Size（四）：EMA", steps: [])
}
