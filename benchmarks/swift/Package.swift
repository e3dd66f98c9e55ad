// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SymbolicBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "SumBenchmark",
            dependencies: [
                .product(name: "Symbolic", package: "main"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
