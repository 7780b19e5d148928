import Singer
import TargetPostgres

#if canImport(Glibc)
import Glibc
#endif

// target-postgres: Singer messages on stdin (or --input) into PostgreSQL; states on stdout.
await runConnector(TargetPostgresConfiguration.description, options: TargetOptions.self) { options, config in
    let configuration = try TargetPostgresConfiguration(config)
    let input = try options.inputPath.map { try LineReader(path: $0) } ?? LineReader(fileDescriptor: STDIN_FILENO)
    ShutdownSignal.install()
    input.stopsOnShutdownSignal = true
    try PostgresTarget(configuration: configuration, stateOutput: MessageWriter(fileDescriptor: STDOUT_FILENO)).run(input: input)
}
