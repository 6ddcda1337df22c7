package org.attain.budget;

/** What a budget line is for. Headcount counts people; the others are money in a currency. */
public enum BudgetCategory {
    COMPENSATION,
    HEADCOUNT,
    MARKETING,
    OTHER;

    public boolean isMoney() {
        return this != HEADCOUNT;
    }

    /** Marketing and other actuals are entered or imported; compensation comes from pay and headcount from org. */
    public boolean actualEntered() {
        return this == MARKETING || this == OTHER;
    }
}
