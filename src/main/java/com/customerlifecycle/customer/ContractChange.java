package com.customerlifecycle.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What an account manager agreed to change in a contract; {@code extendByYears} is 0 when the term stays. */
public record ContractChange(String plan, int seats, BigDecimal annualValue, int extendByYears) {

    String describeAgainst(Customer.Contract current) {
        List<String> changes = new ArrayList<>();
        if (!plan.equals(current.plan())) {
            changes.add("plan " + current.plan() + " -> " + plan);
        }
        if (seats != current.seats()) {
            changes.add("seats " + current.seats() + " -> " + seats);
        }
        if (annualValue.compareTo(current.annualValue()) != 0) {
            changes.add("annual value " + current.annualValue().toPlainString() + " -> " + annualValue.toPlainString());
        }
        if (extendByYears > 0) {
            changes.add("term extended by " + extendByYears + " year(s)");
        }
        return changes.isEmpty() ? "no change" : String.join(", ", changes);
    }
}
