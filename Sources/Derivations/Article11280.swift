import Symbolic

extension Articles {
    /// 11280 — Rethinking learning rate and batch size (II): mean field (kexue.fm/archives/11280).
    public static let meanFieldBatchSize = Derivation(
        11280, title: "Rethinking learning rate and batch size (II): mean field", originalTitle: "重新思考学习率与Batch Size（二）：平均场", steps: [])
}
