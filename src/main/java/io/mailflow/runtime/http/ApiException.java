package io.mailflow.runtime.http;

/** A request that cannot be answered as asked: its status code and a message naming why. */
public final class ApiException extends RuntimeException {
    private final int status;

    private ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** A 400 naming the parameter, the value it had and what was expected. */
    public static ApiException badParameter(String name, String value, String expected) {
        return new ApiException(
                400, "parameter '" + name + "' is " + quoted(value) + ", expected " + expected);
    }

    /** A 404 naming what was looked up and where. */
    public static ApiException notFound(String store, String key) {
        return new ApiException(404, "no " + store + " entry for key '" + key + "'");
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "a valid bearer token is required");
    }

    /** A 503: the answer cannot be had now, e.g. while no instance owns a partition. */
    public static ApiException unavailable(String why) {
        return new ApiException(503, why);
    }

    public static ApiException methodNotAllowed(String method) {
        return new ApiException(405, "method " + method + " is not allowed here, use GET");
    }

    public static ApiException noRoute(String path) {
        return new ApiException(404, "no resource at " + path);
    }

    public int status() {
        return status;
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
