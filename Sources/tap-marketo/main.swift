import Singer
import TapMarketo

// tap-marketo: a Marketo instance's leads, activities and assets as Singer streams on stdout.
await runConnector(TapMarketo.description, options: TapOptions.self) { options, config in
    try TapMarketo.run(options: options, config: config)
}
