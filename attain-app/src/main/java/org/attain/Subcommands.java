package org.attain;

/** Commands that run without the web server. */
final class Subcommands {

    private Subcommands() {}

    static int run(String command, String[] args) {
        return switch (command) {
            case "backup" -> org.attain.platform.BackupCommand.backup(args);
            case "restore" -> org.attain.platform.BackupCommand.restore(args);
            case "bench" -> org.attain.bench.BenchCommand.run(args);
            case "calc" -> org.attain.calc.CalcCommand.run(args);
            case "demo" -> org.attain.demo.DemoCli.run(args, System.out);
            case "import" -> org.attain.ingest.ImportCommand.run(args);
            case "scenario" -> org.attain.engine.scenario.ScenarioCli.run(args, System.out);
            case "webhook-bench" -> org.attain.integration.WebhookLatencyCommand.run(args);
            case "board-live-bench" -> org.attain.game.BoardLiveLatencyCommand.run(args);
            default -> {
                System.err.println("Unknown command '" + command + "'.");
                System.err.println(AttainMain.USAGE);
                yield 2;
            }
        };
    }
}
