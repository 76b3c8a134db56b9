package com.customerlifecycle.forecast;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The coming weeks' work per role and the renewal value coming due, for managers and process owners. */
@RestController
class ForecastController {

    private final WorkloadForecast forecast;

    ForecastController(WorkloadForecast forecast) {
        this.forecast = forecast;
    }

    @GetMapping("/api/forecast")
    WorkloadForecast.Forecast forecast(@RequestParam(defaultValue = "13") @Min(1) @Max(104) int weeks) {
        return forecast.next(weeks);
    }
}
