package org.racetiming.standings.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Front-end libraries the live page loads, served from their WebJars on the classpath (so the page works without
 * internet access) at version-free paths: the page names {@code /vendor/uplot/uPlot.iife.min.js}, and the pom alone
 * says which version that is.
 */
final class WebJarAssets {

    /** Where the page finds uPlot's files (its {@code dist} folder). */
    static final String UPLOT_PATH = "/vendor/uplot";

    private WebJarAssets() {
    }

    static void register(JavalinConfig config) {
        String version = version("org.webjars.npm", "uplot");
        config.staticFiles.add(files -> {
            files.hostedPath = UPLOT_PATH;
            files.directory = "/META-INF/resources/webjars/uplot/" + version + "/dist";
            files.location = Location.CLASSPATH;
            // The path has no version in it: let browsers revalidate rather than keep an old library for a year.
            files.headers = java.util.Map.of("Cache-Control", "no-cache");
        });
    }

    /** The version of a WebJar on the classpath, from the Maven metadata every WebJar carries. */
    static String version(String groupId, String artifactId) {
        String path = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = WebJarAssets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the WebJar " + groupId + ":" + artifactId + " is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
