package com.customerlifecycle.customer;

import java.util.Set;

/** The subscription plans a contract can be on. */
public final class Plans {

    public static final Set<String> ALL = Set.of("starter", "professional", "business", "enterprise");

    private Plans() {
    }
}
