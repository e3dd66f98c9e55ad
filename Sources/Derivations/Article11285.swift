import Symbolic

extension Articles {
    /// 11285 — Rethinking learning rate and batch size (III): Muon (kexue.fm/archives/11285).
    public static let muonBatchSize = Derivation(
        11285, title: "Rethinking learning rate and batch size (III): Muon", originalTitle: "重新思考学习率与Batch Size（三）：Muon", steps: [])
}
