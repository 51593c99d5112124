package org.racetiming.standings.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Front-end libraries the live page loads, served from their WebJars on the classpath (so the page works without
 * internet access) at version-free paths: the page names {@code /vendor/uplot/uPlot.iife.min.js}, and the pom alone
 * says which version that is. Only the files the page uses are served, read once into memory (about 50 KB).
 */
final class WebJarAssets {

    /** Where the page finds uPlot's files. */
    static final String UPLOT_PATH = "/vendor/uplot";

    private static final Map<String, String> UPLOT_FILES = Map.of(
            "uPlot.iife.min.js", "text/javascript; charset=utf-8",
            "uPlot.min.css", "text/css; charset=utf-8");

    private final Map<String, byte[]> uplot;

    private WebJarAssets(Map<String, byte[]> uplot) {
        this.uplot = uplot;
    }

    /** Reads the files now, so that a missing WebJar fails the start rather than the page. */
    static void register(Javalin app) {
        String dist = "/META-INF/resources/webjars/uplot/" + version("org.webjars.npm", "uplot") + "/dist/";
        WebJarAssets assets = new WebJarAssets(Map.copyOf(UPLOT_FILES.keySet().stream()
                .collect(java.util.stream.Collectors.toMap(name -> name, name -> read(dist + name)))));
        app.get(UPLOT_PATH + "/{file}", assets::uplot);
    }

    private void uplot(Context ctx) {
        String file = ctx.pathParam("file");
        byte[] body = uplot.get(file);
        if (body == null) {
            throw ApiError.notFound("no such file: " + UPLOT_PATH + "/" + file);
        }
        // The path has no version in it: browsers revalidate rather than keep an old library for a year.
        ctx.header("Cache-Control", "no-cache").contentType(UPLOT_FILES.get(file)).result(body);
    }

    /** The version of a WebJar on the classpath, from the Maven metadata every WebJar carries. */
    static String version(String groupId, String artifactId) {
        Properties properties = new Properties();
        try (InputStream in = open("/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = WebJarAssets.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the classpath (a WebJar missing from the build?)");
        }
        return in;
    }
}
