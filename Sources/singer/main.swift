import ArgumentParser
import Foundation
import Singer
import SingerTools

/// `singer`: small commands on Singer streams (a sample stream, the JSON reader benchmark).
@main
struct SingerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "singer",
        abstract: "Tools for Singer streams: sample data and benchmarks.",
        subcommands: [Sample.self, Check.self, Select.self, BenchJSON.self]
    )

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a Salesforce-like Singer stream to stdout.")

        @Option(help: "How many records to write.") var records = 1000
        @Flag(help: "Write the records as CSV rows (the psql \\copy baseline) instead of Singer messages.") var csv = false
        @Flag(help: .hidden) var csvTable = false

        func run() throws {
            let output = MessageWriter(fileDescriptor: STDOUT_FILENO)
            if csvTable {
                print(SampleStream.csvTableDefinition.split(separator: "\n").joined(separator: " "))
            } else if csv {
                try SampleStream(recordCount: records).writeCSV(to: output)
            } else {
                try SampleStream(recordCount: records).write(to: output)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a Singer stream as a target would; echo each STATE value on stdout.",
            discussion: "Exits 1 at the first bad line, naming line, stream and field."
        )

        @Option(help: "Read this file instead of stdin.") var input: String?
        @Flag(inversion: .prefixedNo, help: "Validate records against their SCHEMA.") var validateRecords = true

        func run() throws {
            let lines = try input.map { try LineReader(path: $0) } ?? LineReader(fileDescriptor: STDIN_FILENO)
            // Like a target: SIGINT/SIGTERM end the input; what was read is reported, exit 0.
            ShutdownSignal.install()
            lines.stopsOnShutdownSignal = true
            let started = ContinuousClock.now
            let summary = try StreamCheck(validatesRecords: validateRecords).run(
                input: lines, stateOutput: MessageWriter(fileDescriptor: STDOUT_FILENO),
                onUnknownType: { type, line in printError("WARNING line \(line): skipping message of unknown type \(type)") })
            let seconds = Double((ContinuousClock.now - started) / .milliseconds(1)) / 1000
            for (stream, count) in summary.recordsPerStream.sorted(by: { $0.key < $1.key }) {
                printError("INFO \(stream): \(count) records valid")
            }
            if let signal = ShutdownSignal.received { printError("INFO stopped by signal \(signal) after line \(summary.lines)") }
            let total = summary.recordsPerStream.values.reduce(0, +)
            printError("INFO \(summary.lines) lines, \(total) records, \(summary.states) states in \(String(format: "%.2f", seconds)) s")
        }
    }

    struct Select: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Select streams and fields in a discovered catalog; write the catalog to stdout.",
            discussion: """
                Patterns are STREAM.FIELD with * and ? wildcards; a leading ! excludes \
                (e.g. 'Opportunity.*' '!Opportunity.Description'). With --merge, the selections, \
                replication methods and keys of a saved catalog are carried over instead.
                """
        )

        @Option(help: "The discovered catalog (default: stdin).") var catalog: String?
        @Option(help: "A saved catalog whose selections to carry over.") var merge: String?
        @Argument(help: "Selection patterns.") var patterns: [String] = []

        func validate() throws {
            if merge == nil && patterns.isEmpty { throw ValidationError("give selection patterns or --merge FILE") }
        }

        func run() throws {
            let discovered = try Catalog(json: catalog.map { try JSONFile.read($0, role: "catalog") } ?? readStandardInput())
            var selected = discovered
            if let merge { selected = selected.merging(userSelectionsFrom: try Catalog(json: JSONFile.read(merge, role: "catalog"))) }
            if !patterns.isEmpty { selected = try CatalogSelector(patterns: patterns).apply(to: selected) }
            print(IndentedJSONText.string(from: selected.json))
        }

        private func readStandardInput() throws -> JSONValue {
            var bytes: [UInt8] = []
            while let line = readLine(strippingNewline: false) { bytes.append(contentsOf: line.utf8) }
            var parser = JSONParser()
            return try parser.parse(bytes)
        }
    }

    struct BenchJSON: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-json",
            abstract: "Compare our JSON-lines reader with Foundation's JSONSerialization on the same stream."
        )

        @Option(help: "Records in the generated stream.") var records = 100_000
        @Option(help: "Runs of each reader; the fastest counts.") var repetitions = 3

        func run() throws {
            let benchmark = JSONReaderBenchmark(recordCount: records, repetitions: repetitions)
            let measurements = try benchmark.run { print($0) }
            let baseline = measurements[0].recordsPerSecond
            for measurement in measurements {
                let ratio = String(format: "%.1fx", measurement.recordsPerSecond / baseline)
                print("\(measurement.name): \(Int(measurement.recordsPerSecond)) records/s (\(String(format: "%.3f", measurement.seconds)) s), \(ratio)")
            }
        }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
