package dev.frostline.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs; a name may repeat (for example {@code --header}). No dependency for this. */
final class Arguments {

    private final Map<String, List<String>> values = new HashMap<>();

    Arguments(List<String> args) {
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + name);
            }
            values.computeIfAbsent(name.substring(2), k -> new ArrayList<>()).add(args.get(i + 1));
        }
    }

    String text(String name, String fallback) {
        List<String> all = values.get(name);
        return all == null ? fallback : all.get(all.size() - 1);
    }

    String required(String name) {
        String value = text(name, null);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    int integer(String name, int fallback) {
        String value = text(name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    double decimal(String name, double fallback) {
        String value = text(name, null);
        return value == null ? fallback : Double.parseDouble(value);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
