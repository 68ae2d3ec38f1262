package actorgraph;

import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community in-process with only a Bolt connector on 127.0.0.1.
 *
 * Usage: java ... actorgraph.Launcher [--port N] [--data-dir DIR] [--page-cache SIZE] [--no-auth]
 * The password comes from NEO4J_PASSWORD (at least 8 characters) so it never shows up in `ps`.
 * Prints "READY bolt://127.0.0.1:PORT" once the databases are up; scripts/neo4j.mjs still
 * verifies connectivity with the driver, because that line only says the JVM got that far.
 */
public final class Launcher {
    public static void main(String[] args) {
        int port = 7687;
        Path dataDir = Path.of("data");
        String pageCache = "128m";
        boolean auth = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--page-cache" -> pageCache = args[++i];
                case "--no-auth" -> auth = false;
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "actorgraph");
        if (auth && password.length() < 8) {
            System.err.println("NEO4J_PASSWORD must have at least 8 characters");
            System.exit(2);
        }

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // The default page cache is half the machine's RAM: far too much next to Node and the tests.
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

        if (auth) {
            try {
                dbms.database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            } catch (RuntimeException e) {
                // On a restart over an existing store the password is already set; anything else is fatal,
                // because a half-started server that refuses every login is worse than none.
                if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                    System.err.println("cannot set the neo4j password: " + e.getMessage());
                    System.exit(1);
                }
            }
        }
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
    }

    private static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = 1;
        char last = v.charAt(v.length() - 1);
        if (last == 'k') mult = 1L << 10;
        else if (last == 'm') mult = 1L << 20;
        else if (last == 'g') mult = 1L << 30;
        if (mult != 1) v = v.substring(0, v.length() - 1);
        return Long.parseLong(v) * mult;
    }
}
