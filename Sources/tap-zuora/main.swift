import Singer
import TapZuora

// tap-zuora: a Zuora tenant's objects as Singer streams on stdout.
await runConnector(TapZuora.description, options: TapOptions.self) { options, config in
    try TapZuora.run(options: options, config: config)
}
