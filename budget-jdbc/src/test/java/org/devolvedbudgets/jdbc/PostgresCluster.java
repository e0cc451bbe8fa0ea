package org.devolvedbudgets.jdbc;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks, started from the server binaries on the machine
 * ({@code initdb} and {@code pg_ctl} on the PATH or under {@code /usr/lib/postgresql/N/bin}) in a temporary
 * directory on a free port, with trust authentication on loopback only, and stopped when the JVM exits. As
 * root, the cluster runs as an unprivileged user ({@code postgres} if it exists, else {@code nobody}), since
 * PostgreSQL refuses to run as root. One cluster per JVM; each caller makes its own database.
 *
 * <p>Where no binaries exist, {@link #shared()} is empty, and tests report themselves skipped (loudly, on
 * standard error), never passed. Thread-safe.
 */
public final class PostgresCluster {

  private static Optional<PostgresCluster> shared;
  private static int databases;

  private final Path directory;
  private final Path bin;
  private final int port;
  private final List<String> asUser;

  private PostgresCluster(Path directory, Path bin, int port, List<String> asUser) {
    this.directory = directory;
    this.bin = bin;
    this.port = port;
    this.asUser = asUser;
  }

  /**
   * Returns the JVM's cluster, starting it the first time; empty if PostgreSQL's binaries are not installed.
   *
   * @return the cluster, or empty
   * @throws IllegalStateException if the binaries exist but the cluster does not start (a real failure)
   */
  public static synchronized Optional<PostgresCluster> shared() {
    if (shared == null) {
      Optional<Path> bin = findBinaries();
      if (bin.isEmpty()) {
        System.err.println("WARNING: PostgreSQL's server binaries (initdb, pg_ctl) are not installed: the "
            + "PostgreSQL tests are SKIPPED, not passed. Install Debian's postgresql package to run them.");
        shared = Optional.empty();
      } else {
        shared = Optional.of(start(bin.get()));
      }
    }
    return shared;
  }

  private static Optional<Path> findBinaries() {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir));
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions.sorted(Comparator.reverseOrder()).forEach(version -> candidates.add(version.resolve("bin")));
      } catch (IOException e) {
        // no versions to offer
      }
    }
    for (Path dir : candidates) {
      Path initdb = dir.resolve("initdb");
      Path ctl = dir.resolve("pg_ctl");
      Path postgres = dir.resolve("postgres");
      if (Files.isExecutable(initdb) && Files.isExecutable(ctl) && Files.isExecutable(postgres)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static PostgresCluster start(Path bin) {
    try {
      boolean root = "root".equals(System.getProperty("user.name"));
      List<String> asUser = List.of();
      Path base = Files.createTempDirectory("budget-pg-");
      if (root) {
        String user = userExists("postgres") ? "postgres" : "nobody";
        asUser = List.of("runuser", "-u", user, "--");
        run(List.of("chown", "-R", user, base.toString()));
      }
      Path data = base.resolve("data");
      int port = freePort();
      PostgresCluster cluster = new PostgresCluster(base, bin, port, asUser);
      cluster.as(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "budget",
          "--auth=trust", "-E", "UTF8", "--no-instructions"));
      Files.writeString(data.resolve("postgresql.auto.conf"), "listen_addresses = '127.0.0.1'\n"
          + "port = " + port + "\nunix_socket_directories = '" + base + "'\nmax_connections = 200\n"
          + "shared_buffers = 256MB\nfsync = on\nsynchronous_commit = on\n", StandardCharsets.UTF_8);
      cluster.as(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
          base.resolve("server.log").toString(), "-w", "-t", "60", "start"));
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "stop-postgres"));
      return cluster;
    } catch (IOException e) {
      throw new IllegalStateException("PostgreSQL's binaries are installed but the cluster did not start", e);
    }
  }

  private static boolean userExists(String user) {
    try {
      return run(List.of("id", "-u", user)) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void as(List<String> command) throws IOException {
    List<String> full = new ArrayList<>(asUser);
    full.addAll(command);
    int exit = run(full);
    if (exit != 0) {
      String log = "";
      Path server = directory.resolve("server.log");
      if (Files.exists(server)) {
        log = Files.readString(server);
      }
      throw new IOException(String.join(" ", command) + " exited with " + exit + "\n" + log);
    }
  }

  private static int run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " took too long");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private void stop() {
    try {
      as(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "immediate",
          "stop"));
    } catch (IOException e) {
      // the JVM is exiting; nothing more to do
    }
  }

  /**
   * Makes a new, empty database and returns its JDBC URL.
   *
   * @return the URL, with the user in it and no password
   */
  public synchronized String newDatabase() {
    String name = "journal_" + (++databases);
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url("postgres"));
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not create a database", e);
    }
    return url(name);
  }

  /**
   * Returns the JDBC URL of a database of the cluster.
   *
   * @param database the database's name
   * @return the URL
   */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=budget";
  }
}
