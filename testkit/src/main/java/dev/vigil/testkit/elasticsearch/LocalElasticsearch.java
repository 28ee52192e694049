package dev.vigil.testkit.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real, single-node Elasticsearch server on this machine, for integration tests and benchmarks, started from the
 * {@code org.elasticsearch.distribution.integ-test-zip:elasticsearch} distribution that the
 * Maven build copies next to the module (see the {@code get-elasticsearch} execution in the pom).
 * JDK-only on purpose: no Testcontainers, no Docker, no client library.
 *
 * <p>Use {@link #shared()}: it starts one server per JVM (lazily), and a shutdown hook stops it and
 * deletes its data when the JVM exits. {@link #stop()} / {@link #start()} restart the server on the
 * same port with the same data directory, so indexed data survives a restart.
 *
 * <p>Layout (all under {@code vigil.es.workdir}, default {@code java.io.tmpdir}):
 * <ul>
 *   <li>{@code vigil-es-<version>-install/} the unpacked distribution, shared across JVMs and runs,
 *       never written to by Elasticsearch (config lives in the per-JVM directory via ES_PATH_CONF);
 *   <li>{@code vigil-es-run-<jvm pid>-<random>/} per JVM: {@code config/ data/ logs/ tmp/ es.pid}.
 * </ul>
 *
 * <p>Elasticsearch refuses to run as root; when the JVM runs as root (CI containers) the server is
 * run as the system user {@value #ES_USER}, created on demand, which owns the per-JVM directory.
 *
 * <p>Note: the integ-test distribution only has the modules x-pack-core, x-pack-security,
 * transport-netty4 and apm. Absent are analysis-common (no language analyzers such as
 * {@code english}, no {@code asciifolding}/stemmer filters), lang-painless (no scripts),
 * reindex ({@code _delete_by_query}, {@code _update_by_query}, {@code _reindex}), ingest-common,
 * geoip, ml, mapper-extras. Core features work: text/keyword/dense_vector mappings, match and
 * multi_match queries, kNN search, terms aggregations, highlighting, bulk.
 *
 * <p>System properties: {@code vigil.es.zip} (path of the distribution zip),
 * {@code maven.repo.local}, {@code vigil.es.workdir}, {@code vigil.es.javaHome} (or the environment variable
 * {@code VIGIL_ES_JAVA_HOME}: the Java to run Elasticsearch with; see {@link #chooseJavaHome()}),
 * {@code vigil.es.heap} (default {@code 512m}).
 */
public final class LocalElasticsearch {

  public static final String VERSION = "8.19.21";

  static final String ES_USER = "vigil-es";
  private static final String CLUSTER_NAME = "vigil-test";
  private static final int MIN_JAVA = 17;
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SHUTDOWN_HOOK_STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
  private static final int LOG_TAIL_LINES = 50;
  private static final String MARKER = ".vigil-install-complete";
  private static final String RUN_DIR_PREFIX = "vigil-es-run-";
  private static final String OWNER_FILE = "owner";

  private static LocalElasticsearch shared;
  private static RuntimeException sharedFailure;

  private final ReentrantLock lock = new ReentrantLock();
  private final Path home;
  private final Path runDir;
  private final Path pidFile;
  private final Path launcherLog;
  private final Path esLog;
  private final String javaHome;
  private final String heap;
  private final boolean asRoot;
  private final int httpPort;
  private final int transportPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private volatile long pid = -1;
  private volatile Process launcher;

  /**
   * The per-JVM server, started on first use. A startup failure is remembered and rethrown on
   * later calls, so a broken environment fails every test class fast instead of each waiting for
   * the startup timeout again.
   */
  public static synchronized LocalElasticsearch shared() {
    if (shared != null) {
      return shared;
    }
    if (sharedFailure != null) {
      throw new IllegalStateException(
          "Elasticsearch test server failed to start earlier in this JVM: "
              + sharedFailure.getMessage(),
          sharedFailure);
    }
    LocalElasticsearch server = null;
    try {
      server = new LocalElasticsearch();
      LocalElasticsearch s = server;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(s::shutdownAndDelete, "vigil-es-shutdown"));
      server.start();
      shared = server;
      return server;
    } catch (RuntimeException e) {
      sharedFailure = e;
      if (server != null) {
        server.shutdownAndDelete();
      }
      throw e;
    }
  }

  private LocalElasticsearch() {
    this.asRoot = isRoot();
    Path zip = locateZip();
    Path base = chooseBaseDir(asRoot);
    reapStaleRunDirs(base);
    this.home = ensureInstalled(zip, base);
    this.javaHome = chooseJavaHome();
    this.heap = System.getProperty("vigil.es.heap", "512m");
    this.httpPort = freePort(-1);
    this.transportPort = freePort(httpPort);
    try {
      this.runDir =
          Files.createTempDirectory(base, RUN_DIR_PREFIX + ProcessHandle.current().pid() + "-");
      this.pidFile = runDir.resolve("es.pid");
      this.launcherLog = runDir.resolve("launcher.log");
      Path logs = runDir.resolve("logs");
      this.esLog = logs.resolve(CLUSTER_NAME + ".log");
      prepareRunDir(logs);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the Elasticsearch run directory", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}, stable across {@link #stop()}/{@link #start()}. */
  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  public int port() {
    return httpPort;
  }

  public boolean isRunning() {
    long p = pid;
    return p > 0 && ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * Starts the server (no-op if running) and waits until the cluster health is yellow or green,
   * i.e. the primaries of all existing indices are recovered. Same port, same data directory.
   */
  public void start() {
    lock.lock();
    try {
      if (isRunning()) {
        return;
      }
      long t0 = System.nanoTime();
      long deadline = t0 + STARTUP_TIMEOUT.toNanos();
      Files.deleteIfExists(pidFile);
      launch(deadline);
      awaitHealthy(deadline);
      System.out.printf(
          "[vigil-es] Elasticsearch %s up at %s in %.1f s (pid %d, java %s, heap %s%s)%n",
          VERSION, url(), (System.nanoTime() - t0) / 1e9, pid, javaHome, heap,
          asRoot ? ", user " + ES_USER : "");
    } catch (IOException e) {
      killQuietly(KILL_TIMEOUT);
      throw new IllegalStateException(
          "Elasticsearch failed to start: " + e + diagnostics(), e);
    } catch (RuntimeException e) {
      killQuietly(KILL_TIMEOUT);
      throw e;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the server: SIGTERM, then SIGKILL if it has not exited after 30 s. The data directory is
   * kept, so {@link #start()} brings the same data back. No-op if not running.
   */
  public void stop() {
    lock.lock();
    try {
      stopProcess(GRACEFUL_STOP_TIMEOUT);
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // start/stop internals

  private void launch(long deadline) throws IOException {
    Map<String, String> esEnv = new java.util.LinkedHashMap<>();
    esEnv.put("ES_JAVA_HOME", javaHome);
    esEnv.put("ES_PATH_CONF", runDir.resolve("config").toString());
    esEnv.put("ES_TMPDIR", runDir.resolve("tmp").toString());
    esEnv.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
    // The launcher JVM leaves "final-flags*" temp dirs behind; keep them in the run dir.
    esEnv.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + runDir.resolve("tmp"));

    ProcessBuilder pb;
    if (asRoot) {
      StringBuilder cmd = new StringBuilder("cd ").append(sh(home.toString())).append(" && exec env");
      esEnv.forEach((k, v) -> cmd.append(' ').append(k).append('=').append(sh(v)));
      cmd.append(" /bin/bash bin/elasticsearch -d -p ").append(sh(pidFile.toString()));
      pb = new ProcessBuilder("su", ES_USER, "-s", "/bin/bash", "-c", cmd.toString());
    } else {
      pb = new ProcessBuilder("/bin/bash", "bin/elasticsearch", "-d", "-p", pidFile.toString());
      pb.directory(home.toFile());
    }
    Map<String, String> env = pb.environment();
    // Keep the surrounding build's JVM settings out of the server JVM.
    env.keySet().removeIf(k -> k.startsWith("ES_"));
    for (String k :
        List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS",
            "CLI_JAVA_OPTS", "JAVA_HOME")) {
      env.remove(k);
    }
    if (!asRoot) {
      env.putAll(esEnv);
    }
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.to(launcherLog.toFile()));
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));

    System.out.printf("[vigil-es] starting Elasticsearch %s on %s (run dir %s)%n",
        VERSION, url(), runDir);
    Process p = pb.start();
    launcher = p;
    // "bin/elasticsearch -d" returns once the node has started (or failed to).
    boolean exited;
    try {
      exited = p.waitFor(remainingMillis(deadline), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting Elasticsearch", e);
    }
    readPidFile().ifPresent(v -> pid = v);
    if (!exited) {
      throw new IllegalStateException(
          "Elasticsearch launcher did not return within " + STARTUP_TIMEOUT.toSeconds() + " s"
              + diagnostics());
    }
    launcher = null;
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "Elasticsearch launcher exited with code " + p.exitValue() + diagnostics());
    }
    if (pid <= 0) {
      throw new IllegalStateException(
          "Elasticsearch launcher returned but wrote no pid file " + pidFile + diagnostics());
    }
  }

  private void awaitHealthy(long deadline) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    String last = "no response";
    while (true) {
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        if (r.statusCode() == 200
            && (body.contains("\"status\":\"yellow\"") || body.contains("\"status\":\"green\""))) {
          return;
        }
        last = "HTTP " + r.statusCode() + ": " + body;
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
      }
      if (!isRunning()) {
        throw new IllegalStateException(
            "Elasticsearch process " + pid + " died during startup" + diagnostics());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Elasticsearch at " + url() + " not healthy within " + STARTUP_TIMEOUT.toSeconds()
                + " s; last health response: " + last + diagnostics());
      }
      sleep(250);
    }
  }

  private void stopProcess(Duration graceful) {
    Process l = launcher;
    if (l != null && l.isAlive()) {
      l.descendants().forEach(ProcessHandle::destroyForcibly);
      l.destroyForcibly();
    }
    launcher = null;
    long p = pid > 0 ? pid : readPidFile().orElse(-1L);
    pid = -1;
    if (p <= 0) {
      return;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(p);
    if (handle.isEmpty() || !handle.get().isAlive() || !looksLikeElasticsearch(handle.get())) {
      return;
    }
    ProcessHandle h = handle.get();
    long t0 = System.nanoTime();
    h.destroy(); // SIGTERM: graceful shutdown, flushes and releases the node lock
    String how = "stopped";
    if (!awaitExit(h, graceful)) {
      h.destroyForcibly(); // SIGKILL
      how = "killed (did not stop within " + graceful.toSeconds() + " s)";
      if (!awaitExit(h, KILL_TIMEOUT)) {
        System.err.printf("[vigil-es] WARNING: Elasticsearch pid %d survived SIGKILL%n", p);
        return;
      }
    }
    System.out.printf("[vigil-es] Elasticsearch pid %d %s in %.1f s%n",
        p, how, (System.nanoTime() - t0) / 1e9);
  }

  private void killQuietly(Duration graceful) {
    try {
      stopProcess(graceful);
    } catch (RuntimeException e) {
      System.err.println("[vigil-es] failed to stop Elasticsearch: " + e);
    }
  }

  /** Shutdown hook body: never blocks forever on the lock, always tries to kill the process. */
  private void shutdownAndDelete() {
    boolean locked = false;
    try {
      locked = lock.tryLock(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      // short: surefire only waits 30 s (forkedProcessExitTimeoutInSeconds) for the fork to exit
      killQuietly(SHUTDOWN_HOOK_STOP_TIMEOUT);
      deleteRecursively(runDir);
    } finally {
      if (locked) {
        lock.unlock();
      }
    }
  }

  private Optional<Long> readPidFile() {
    try {
      if (runDir == null || !Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      String s = Files.readString(pidFile).trim();
      return s.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(s));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean looksLikeElasticsearch(ProcessHandle h) {
    // Guard against pid reuse. If the command line is unreadable, assume it is ours.
    Optional<String> cmd = h.info().commandLine();
    if (cmd.isEmpty()) {
      cmd = h.info().arguments().map(a -> String.join(" ", a));
    }
    if (cmd.isEmpty()) {
      try {
        byte[] raw = Files.readAllBytes(Paths.get("/proc/" + h.pid() + "/cmdline"));
        cmd = Optional.of(new String(raw, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        return true;
      }
    }
    return cmd.get().contains("org.elasticsearch");
  }

  private static boolean awaitExit(ProcessHandle h, Duration timeout) {
    try {
      h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return !h.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !h.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !h.isAlive();
    }
  }

  private String diagnostics() {
    StringBuilder sb = new StringBuilder();
    sb.append("\n--- launcher output (").append(launcherLog).append(") ---\n")
        .append(tail(launcherLog, LOG_TAIL_LINES));
    sb.append("\n--- last ").append(LOG_TAIL_LINES).append(" lines of ").append(esLog)
        .append(" ---\n").append(tail(esLog, LOG_TAIL_LINES));
    return sb.toString();
  }

  private static String tail(Path file, int lines) {
    if (file == null || !Files.isRegularFile(file)) {
      return "(missing)";
    }
    try {
      String[] all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n");
      return String.join("\n", Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // environment

  private static Path locateZip() {
    String explicit = System.getProperty("vigil.es.zip");
    Path zip;
    if (explicit != null && !explicit.isBlank()) {
      zip = Paths.get(explicit);
    } else {
      String repo = System.getProperty("maven.repo.local");
      Path repoRoot =
          repo != null && !repo.isBlank()
              ? Paths.get(repo)
              : Paths.get(System.getProperty("user.home"), ".m2", "repository");
      zip = repoRoot.resolve(
          Paths.get("org", "elasticsearch", "distribution", "integ-test-zip", "elasticsearch",
              VERSION, "elasticsearch-" + VERSION + ".zip"));
    }
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(
          "Elasticsearch distribution not found at " + zip.toAbsolutePath() + ". It is normally "
              + "copied by the maven-dependency-plugin execution 'get-elasticsearch' of the "
              + "activities module (run the tests through Maven), or fetch it with: mvn "
              + "dependency:get -Dartifact=org.elasticsearch.distribution.integ-test-zip:"
              + "elasticsearch:" + VERSION + ":zip (or point -Dvigil.es.zip at the zip).");
    }
    return zip.toAbsolutePath();
  }

  /**
   * The Java that runs Elasticsearch, as the README documents: {@code -Dvigil.es.javaHome} or
   * {@code VIGIL_ES_JAVA_HOME} when set (it must hold {@code bin/java}); otherwise the newest Java 17 or later
   * installed beside the one running this JVM (a newer one runs Lucene's vectorized code), else this JVM's own.
   */
  static String chooseJavaHome() {
    String explicit = System.getProperty("vigil.es.javaHome", System.getenv("VIGIL_ES_JAVA_HOME"));
    if (explicit != null && !explicit.isBlank()) {
      if (javaMajor(Paths.get(explicit)) < MIN_JAVA) {
        throw new IllegalStateException("vigil.es.javaHome / VIGIL_ES_JAVA_HOME = " + explicit
            + " is not a Java " + MIN_JAVA + " or later installation (no bin/java or no release file there)");
      }
      return explicit;
    }
    Path running = Paths.get(System.getProperty("java.home"));
    Path best = running;
    int bestMajor = Math.max(javaMajor(running), Runtime.version().feature());
    Path installations = running.getParent();
    if (installations != null && Files.isDirectory(installations)) {
      try (DirectoryStream<Path> homes = Files.newDirectoryStream(installations)) {
        for (Path home : homes) {
          int major = javaMajor(home);
          if (major > bestMajor) {
            best = home;
            bestMajor = major;
          }
        }
      } catch (IOException e) {
        // unreadable: keep the running JVM
      }
    }
    return best.toString();
  }

  /** The feature version in a Java installation's {@code release} file, or 0 when it is not one. */
  private static int javaMajor(Path home) {
    Path release = home.resolve("release");
    if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
      return 0;
    }
    try {
      for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          String major = version.startsWith("1.") ? version.substring(2) : version;
          int end = 0;
          while (end < major.length() && Character.isDigit(major.charAt(end))) {
            end++;
          }
          return end == 0 ? 0 : Integer.parseInt(major.substring(0, end));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  private static boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
      return uid instanceof Integer && (Integer) uid == 0;
    } catch (IOException | RuntimeException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /**
   * The base directory for the install and run directories. As root, the server user must be able
   * to traverse every directory on the way down, so a base under e.g. /root is replaced by /tmp.
   */
  private static Path chooseBaseDir(boolean asRoot) {
    String explicit = System.getProperty("vigil.es.workdir");
    Path base = Paths.get(explicit != null && !explicit.isBlank()
        ? explicit : System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    try {
      Files.createDirectories(base);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + base, e);
    }
    if (asRoot && !traversableByOthers(base)) {
      Path tmp = Paths.get("/tmp");
      if (explicit == null && traversableByOthers(tmp)) {
        System.out.printf("[vigil-es] %s is not traversable by user %s; using %s instead%n",
            base, ES_USER, tmp);
        return tmp;
      }
      throw new IllegalStateException(base + " (or a parent) is not traversable by user "
          + ES_USER + " that runs Elasticsearch; set -Dvigil.es.workdir to a directory whose "
          + "parents all have the o+x permission");
    }
    return base;
  }

  private static boolean traversableByOthers(Path dir) {
    try {
      for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
        if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return false;
        }
      }
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static int freePort(int avoid) {
    for (int i = 0; i < 20; i++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        int port = s.getLocalPort();
        if (port != avoid) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot find a free port", e);
      }
    }
    throw new IllegalStateException("Cannot find a free port");
  }

  // ---------------------------------------------------------------------------------------------
  // install and run directories

  /**
   * Unpacks the distribution into {@code <base>/vigil-es-<version>-install} unless a complete
   * install is already there. Unpacks into a staging directory and renames it atomically, so
   * concurrent JVMs never see a half-unpacked install.
   */
  private static Path ensureInstalled(Path zip, Path base) {
    Path installDir = base.resolve("vigil-es-" + VERSION + "-install");
    try {
      Optional<Path> existing = completeHome(installDir);
      if (existing.isPresent()) {
        return existing.get();
      }
      if (Files.exists(installDir)) {
        System.out.println("[vigil-es] removing incomplete install " + installDir);
        deleteRecursively(installDir);
      }
      long t0 = System.nanoTime();
      Path staging = Files.createTempDirectory(base, "vigil-es-" + VERSION + "-install.partial-");
      String top = unzip(zip, staging);
      Files.writeString(staging.resolve(MARKER), top + "\n");
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      try {
        Files.move(staging, installDir, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("[vigil-es] unpacked %s into %s in %.1f s%n",
            zip.getFileName(), installDir, (System.nanoTime() - t0) / 1e9);
      } catch (IOException e) {
        deleteRecursively(staging);
        if (completeHome(installDir).isEmpty()) {
          throw e;
        }
        // another JVM won the race (rename onto a non-empty directory fails with ENOTEMPTY)
      }
      return completeHome(installDir).orElseThrow(() -> new IllegalStateException(
          "Unpacked Elasticsearch at " + installDir + " is incomplete"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack " + zip + " into " + installDir, e);
    }
  }

  private static Optional<Path> completeHome(Path installDir) throws IOException {
    Path marker = installDir.resolve(MARKER);
    if (!Files.isRegularFile(marker)) {
      return Optional.empty();
    }
    Path home = installDir.resolve(Files.readString(marker).trim());
    return Files.isRegularFile(home.resolve("bin/elasticsearch")) ? Optional.of(home)
        : Optional.empty();
  }

  /** Unzips with explicit permissions (java.util.zip does not restore them); returns the top dir. */
  private static String unzip(Path zip, Path target) throws IOException {
    Set<PosixFilePermission> dirPerms = PosixFilePermissions.fromString("rwxr-xr-x");
    Set<PosixFilePermission> filePerms = PosixFilePermissions.fromString("rw-r--r--");
    Set<PosixFilePermission> execPerms = PosixFilePermissions.fromString("rwxr-xr-x");
    String top = null;
    List<Path> dirs = new ArrayList<>();
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = zf.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target) || out.equals(target)) {
          throw new IOException("Unexpected zip entry " + entry.getName());
        }
        if (top == null) {
          top = target.relativize(out).getName(0).toString();
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          dirs.add(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = zf.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        boolean exec = out.getParent().getFileName().toString().equals("bin");
        Files.setPosixFilePermissions(out, exec ? execPerms : filePerms);
      }
    }
    Files.walkFileTree(target, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.setPosixFilePermissions(dir, dirPerms);
        return FileVisitResult.CONTINUE;
      }
    });
    if (top == null) {
      throw new IOException("Empty zip " + zip);
    }
    return top;
  }

  private void prepareRunDir(Path logs) throws IOException {
    Files.writeString(runDir.resolve(OWNER_FILE), ownerStamp(ProcessHandle.current()) + "\n");
    Path config = runDir.resolve("config");
    copyRecursively(home.resolve("config"), config);
    Files.createDirectories(runDir.resolve("data"));
    Files.createDirectories(logs);
    Files.createDirectories(runDir.resolve("tmp"));
    String yml = String.join("\n",
        "# generated by " + LocalElasticsearch.class.getName(),
        "cluster.name: " + CLUSTER_NAME,
        "node.name: " + CLUSTER_NAME,
        "network.host: 127.0.0.1",
        "http.port: " + httpPort,
        "transport.port: " + transportPort,
        "discovery.type: single-node",
        "xpack.security.enabled: false",
        "path.data: " + runDir.resolve("data"),
        "path.logs: " + logs,
        // a nearly full CI disk must not make indices read-only
        "cluster.routing.allocation.disk.threshold_enabled: false",
        // allow DELETE /_all or wildcards in test clean-up
        "action.destructive_requires_name: false",
        "");
    Files.writeString(config.resolve("elasticsearch.yml"), yml,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    Set<PosixFilePermission> dirPerms = PosixFilePermissions.fromString("rwxr-xr-x");
    Set<PosixFilePermission> filePerms = PosixFilePermissions.fromString("rw-r--r--");
    UserPrincipal user = null;
    GroupPrincipal group = null;
    if (asRoot) {
      ensureUser();
      UserPrincipalLookupService lookup = runDir.getFileSystem().getUserPrincipalLookupService();
      user = lookup.lookupPrincipalByName(ES_USER);
      group = lookup.lookupPrincipalByGroupName(ES_USER);
    }
    UserPrincipal u = user;
    GroupPrincipal g = group;
    Files.walkFileTree(runDir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
          throws IOException {
        own(dir, dirPerms);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        own(file, filePerms);
        return FileVisitResult.CONTINUE;
      }

      private void own(Path p, Set<PosixFilePermission> perms) throws IOException {
        Files.setPosixFilePermissions(p, perms);
        if (u != null) {
          PosixFileAttributeView view =
              Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
          view.setOwner(u);
          view.setGroup(g);
        }
      }
    });
    if (asRoot) {
      checkAccessibleToEsUser();
    }
  }

  private static void ensureUser() {
    if (run(List.of("id", "-u", ES_USER)) == 0) {
      return;
    }
    String shell = Files.exists(Paths.get("/usr/sbin/nologin")) ? "/usr/sbin/nologin" : "/bin/false";
    int rc = run(List.of("useradd", "-M", "-r", "-s", shell, ES_USER));
    // 9 = already exists (a concurrent JVM created it)
    if (rc != 0 && rc != 9 || run(List.of("id", "-u", ES_USER)) != 0) {
      throw new IllegalStateException("Running as root, and could not create the system user "
          + ES_USER + " to run Elasticsearch (useradd exit code " + rc + ")");
    }
    System.out.println("[vigil-es] created system user " + ES_USER);
  }

  private void checkAccessibleToEsUser() {
    String check = "test -r " + sh(home.resolve("bin/elasticsearch-cli").toString())
        + " && test -r " + sh(home.resolve("lib").toString())
        + " && test -w " + sh(runDir.toString())
        + " && test -x " + sh(Paths.get(javaHome, "bin", "java").toString());
    if (run(List.of("su", ES_USER, "-s", "/bin/sh", "-c", check)) != 0) {
      throw new IllegalStateException("User " + ES_USER + " cannot read " + home + " or "
          + javaHome + ", or cannot write " + runDir + "; every parent directory must be "
          + "traversable (o+x). Set -Dvigil.es.workdir / -Dvigil.es.javaHome accordingly.");
    }
  }

  private static int run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // stale run directories (a JVM killed with SIGKILL leaves its daemonized server running)

  private static String ownerStamp(ProcessHandle h) {
    return h.pid() + " " + h.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
  }

  private static void reapStaleRunDirs(Path base) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, RUN_DIR_PREFIX + "*")) {
      for (Path dir : dirs) {
        try {
          if (!ownerGone(dir)) {
            continue;
          }
          Path pf = dir.resolve("es.pid");
          if (Files.isRegularFile(pf)) {
            long esPid = Long.parseLong(Files.readString(pf).trim());
            ProcessHandle.of(esPid)
                .filter(ProcessHandle::isAlive)
                .filter(LocalElasticsearch::looksLikeElasticsearch)
                .ifPresent(h -> {
                  System.out.println("[vigil-es] killing orphaned Elasticsearch pid " + esPid
                      + " from " + dir);
                  h.destroy();
                  if (!awaitExit(h, GRACEFUL_STOP_TIMEOUT)) {
                    h.destroyForcibly();
                    awaitExit(h, KILL_TIMEOUT);
                  }
                });
          }
          deleteRecursively(dir);
        } catch (IOException | RuntimeException e) {
          // not ours to clean (other user, racing JVM): leave it
        }
      }
    } catch (IOException e) {
      // best effort
    }
    // half-unpacked installs of JVMs that died while unzipping
    try (DirectoryStream<Path> dirs =
        Files.newDirectoryStream(base, "vigil-es-" + VERSION + "-install.partial-*")) {
      for (Path dir : dirs) {
        FileTime modified = Files.getLastModifiedTime(dir);
        if (System.currentTimeMillis() - modified.toMillis() > Duration.ofHours(1).toMillis()) {
          deleteRecursively(dir);
        }
      }
    } catch (IOException e) {
      // best effort
    }
  }

  private static boolean ownerGone(Path dir) throws IOException {
    Path owner = dir.resolve(OWNER_FILE);
    if (!Files.isRegularFile(owner)) {
      // no owner file yet: maybe a JVM that is just creating it; only reap if old
      return System.currentTimeMillis() - Files.getLastModifiedTime(dir).toMillis()
          > Duration.ofHours(1).toMillis();
    }
    String[] parts = Files.readString(owner).trim().split(" ");
    long ownerPid = Long.parseLong(parts[0]);
    Optional<ProcessHandle> h = ProcessHandle.of(ownerPid).filter(ProcessHandle::isAlive);
    return h.isEmpty() || !ownerStamp(h.get()).equals(String.join(" ", parts));
  }

  // ---------------------------------------------------------------------------------------------
  // small helpers

  private static void copyRecursively(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
          throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()),
            StandardCopyOption.REPLACE_EXISTING);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteRecursively(Path root) {
    if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            // keep going
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
          try {
            Files.deleteIfExists(dir);
          } catch (IOException e) {
            // keep going
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      System.err.println("[vigil-es] could not delete " + root + ": " + e);
    }
  }

  /** Single-quotes a string for /bin/sh. */
  private static String sh(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static long remainingMillis(long deadlineNanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  @Override
  public String toString() {
    return "LocalElasticsearch[" + url() + ", run dir " + runDir + "]";
  }
}
