import Symbolic

extension Articles {
    /// 11404 — Asymptotic estimate of AdamW's Weight RMS (part 2) (kexue.fm/archives/11404).
    public static let weightRMSDynamic = Derivation(
        11404, title: "Asymptotic estimate of AdamW's Weight RMS (part 2)", originalTitle: "AdamW的Weight RMS的渐近估计（下）", steps: [])
}
