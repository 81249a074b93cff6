"""Pipeline glue: options, graph assembly (build_pipeline), the CLI entry point."""
