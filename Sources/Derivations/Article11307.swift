import Symbolic

extension Articles {
    /// 11307 — Asymptotic estimate of AdamW's weight RMS, part 1 (kexue.fm/archives/11307).
    public static let weightRMSConstant = Derivation(
        11307, title: "Asymptotic estimate of AdamW's Weight RMS (part 1)",
        originalTitle: "AdamW的Weight RMS的渐近估计（上）", steps: [])
}
