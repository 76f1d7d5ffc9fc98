package dev.frostline.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** How often each operation of the catalog mix is picked, parsed from {@code list=60,get=35,update=5}. */
final class OperationWeights {

    private final Map<CatalogOperation, Integer> weights;
    private final CatalogOperation[] operations;
    private final int[] cumulative;

    private OperationWeights(Map<CatalogOperation, Integer> weights) {
        this.weights = weights;
        this.operations = weights.keySet().toArray(CatalogOperation[]::new);
        this.cumulative = new int[operations.length];
        int sum = 0;
        for (int i = 0; i < operations.length; i++) {
            sum += weights.get(operations[i]);
            cumulative[i] = sum;
        }
    }

    /** Operations left out or weighted 0 are never picked; at least one weight must be positive. */
    static OperationWeights parse(String spec) {
        Map<CatalogOperation, Integer> given = new EnumMap<>(CatalogOperation.class);
        for (String part : spec.split(",")) {
            String[] nameAndWeight = part.strip().split("=", 2);
            if (nameAndWeight.length != 2) {
                throw new IllegalArgumentException("--mix must be operation=weight,..., got: " + spec);
            }
            CatalogOperation operation = CatalogOperation.named(nameAndWeight[0].strip());
            int weight;
            try {
                weight = Integer.parseInt(nameAndWeight[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--mix weights must be whole numbers, got: " + part);
            }
            if (weight < 0 || given.put(operation, weight) != null) {
                throw new IllegalArgumentException("--mix weights must be at least 0, each operation once: " + spec);
            }
        }
        Map<CatalogOperation, Integer> weights = new EnumMap<>(CatalogOperation.class);
        given.forEach((operation, weight) -> {
            if (weight > 0) {
                weights.put(operation, weight);
            }
        });
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("--mix needs at least one positive weight, got: " + spec);
        }
        return new OperationWeights(weights);
    }

    boolean includes(CatalogOperation operation) {
        return weights.containsKey(operation);
    }

    CatalogOperation pick(RandomGenerator random) {
        int ticket = random.nextInt(cumulative[cumulative.length - 1]);
        for (int i = 0; i < cumulative.length; i++) {
            if (ticket < cumulative[i]) {
                return operations[i];
            }
        }
        throw new AssertionError("ticket " + ticket + " beyond the total weight");
    }
}
