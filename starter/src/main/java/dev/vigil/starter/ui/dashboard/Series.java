package dev.vigil.starter.ui.dashboard;

/**
 * One named series of a chart, one value per time bucket.
 *
 * @param name legend label
 * @param color CSS colour
 * @param values one value per bucket (NaN where there is no value, e.g. a rate with nothing to divide)
 */
public record Series(String name, String color, double[] values) {}
