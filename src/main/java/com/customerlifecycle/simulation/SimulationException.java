package com.customerlifecycle.simulation;

/** A simulation that cannot run as asked (bad scenario file, a folder without diagrams); the message says why. */
class SimulationException extends RuntimeException {

    SimulationException(String message) {
        super(message);
    }
}
