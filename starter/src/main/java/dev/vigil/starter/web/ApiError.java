package dev.vigil.starter.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every API error: a stable code, a human-readable message and, for bad input, the field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field) {}
