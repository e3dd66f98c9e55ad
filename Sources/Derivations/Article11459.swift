import Symbolic

extension Articles {
    /// 11459 — Weight decay and learning rate from the moving-average viewpoint (kexue.fm/archives/11459).
    public static let weightDecayEMA = Derivation(
        11459, title: "Weight decay and learning rate from the moving-average viewpoint", originalTitle: "滑动平均视角下的权重衰减和学习率", steps: [])
}
