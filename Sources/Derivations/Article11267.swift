import Symbolic

extension Articles {
    /// 11267 — Why is Adam's Update RMS 0.2? (kexue.fm/archives/11267).
    public static let updateRMS = Derivation(
        11267, title: "Why is Adam's Update RMS 0.2?", originalTitle: "为什么Adam的Update RMS是0.2？", steps: [])
}
