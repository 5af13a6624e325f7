/*
 * A Java agent that puts every jar of one folder on the system class path before Neo4j starts.
 *
 * Why: Neo4j's own launcher (bin/neo4j) runs the server with plugins/* on the class path, so a
 * plugin's kernel extensions (APOC registers its ApocConfig this way) are found by the service
 * loader. src/db/local-neo4j.ts runs the entry point with lib/* only; APOC then fails at start
 * ("apoc.ApocConfig is not a known injectable component"). The benchmark cannot change src/, so
 * bench/neo4j.ts compiles this agent and passes it to the bench instance's JVM through
 * JDK_JAVA_OPTIONS. The proper fix is one line in local-neo4j.ts (see bench/findings.md).
 */
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.jar.JarFile;

public final class PluginClasspathAgent {
  private PluginClasspathAgent() {}

  public static void premain(String dir, Instrumentation inst) throws Exception {
    File[] jars = new File(dir).listFiles((d, name) -> name.endsWith(".jar"));
    if (jars == null) return;
    Arrays.sort(jars);
    for (File jar : jars) inst.appendToSystemClassLoaderSearch(new JarFile(jar));
  }
}
