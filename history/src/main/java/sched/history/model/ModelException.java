package sched.history.model;

/** An unknown model, a bad initial state, or an operation the model does not understand. */
public final class ModelException extends RuntimeException {
    public ModelException(String message) { super(message); }
}
