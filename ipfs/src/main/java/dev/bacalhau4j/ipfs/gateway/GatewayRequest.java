package dev.bacalhau4j.ipfs.gateway;

import dev.bacalhau4j.ipfs.Cid;
import dev.bacalhau4j.ipfs.IpfsFormatException;
import dev.bacalhau4j.ipfs.car.CarExport;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed trustless-gateway request: {@code /ipfs/{cid}[/path]} with the response format from
 * {@code ?format=} or the {@code Accept} header, and {@code dag-scope}.
 */
record GatewayRequest(Cid root, List<String> segments, Format format, CarExport.Scope scope) {
    static final String RAW_TYPE = "application/vnd.ipld.raw";
    static final String CAR_TYPE = "application/vnd.ipld.car";

    enum Format { RAW, CAR, NONE }

    /** A request the gateway refuses, with the HTTP status to answer. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    static GatewayRequest parse(URI uri, String accept) throws BadRequest {
        String rawPath = uri.getRawPath();
        if (rawPath == null || !rawPath.startsWith("/ipfs/")) {
            throw new BadRequest(404, "only /ipfs/{cid}[/path] is served here");
        }
        String[] parts = rawPath.substring("/ipfs/".length()).split("/", -1);
        Cid root;
        try {
            root = Cid.parse(decode(parts[0]));
        } catch (IpfsFormatException e) {
            throw new BadRequest(400, e.getMessage());
        }
        List<String> segments = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                segments.add(decode(parts[i]));
            }
        }
        Map<String, String> query = query(uri.getRawQuery());
        Format format = format(query.get("format"), accept);
        CarExport.Scope scope = scope(query.getOrDefault("dag-scope", "all"));
        return new GatewayRequest(root, segments, format, scope);
    }

    private static Format format(String param, String accept) throws BadRequest {
        if (param != null) {
            return switch (param) {
                case "raw" -> Format.RAW;
                case "car" -> Format.CAR;
                default -> throw new BadRequest(400, "unsupported format '" + param + "' (supported: raw, car)");
            };
        }
        if (accept != null) {
            String lower = accept.toLowerCase(Locale.ROOT);
            if (lower.contains(RAW_TYPE)) {
                return Format.RAW;
            }
            if (lower.contains(CAR_TYPE)) {
                if (lower.matches(".*version=(?!1\\b).*")) {
                    throw new BadRequest(400, "only CAR version=1 is served");
                }
                return Format.CAR;
            }
        }
        return Format.NONE;
    }

    private static CarExport.Scope scope(String value) throws BadRequest {
        return switch (value) {
            case "all", "entity" -> CarExport.Scope.ALL;
            case "block" -> CarExport.Scope.BLOCK;
            default -> throw new BadRequest(400, "unsupported dag-scope '" + value + "' (supported: all, entity, block)");
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
