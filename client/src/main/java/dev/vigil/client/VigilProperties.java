package dev.vigil.client;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings shared by every Vigil process ({@code vigil.*}). */
@Validated
@ConfigurationProperties("vigil")
public record VigilProperties(@NotNull Path dataDir) {}
