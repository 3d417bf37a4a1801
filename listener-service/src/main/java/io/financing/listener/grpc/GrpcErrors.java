package io.financing.listener.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.financing.api.access.Caller;
import io.financing.api.command.CommandMessage;
import io.financing.listener.command.InvalidCommandException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** The errors a client sees, in words and in the standard google.rpc detail messages. */
final class GrpcErrors {

    private GrpcErrors() {
    }

    /** INVALID_ARGUMENT naming each field at fault, in the message and as a google.rpc.BadRequest. */
    static StatusRuntimeException invalidArgument(InvalidCommandException e) {
        var badRequest = BadRequest.newBuilder();
        e.violations().forEach(violation -> badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(violation.field())
                .setDescription(violation.description())));
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(e.getMessage())
                .addDetails(Any.pack(badRequest.build()))
                .build());
    }

    /**
     * PERMISSION_DENIED: the caller acts for another party. The words repeat what the caller sent and say
     * nothing of whether that party exists.
     */
    static StatusRuntimeException permissionDenied(Caller caller, CommandMessage command) {
        return Status.PERMISSION_DENIED
                .withDescription(caller + " may not send " + command.name() + ": a party acts only for itself")
                .asRuntimeException();
    }

    /**
     * UNAVAILABLE: the command may or may not be queued, so the client should send it again with the
     * same command id, which gives it one effect either way.
     */
    static StatusRuntimeException queueUnavailable(CommandMessage command, Throwable cause) {
        return Status.UNAVAILABLE
                .withDescription("The command queue did not accept command " + command.commandId()
                        + " in time; retry it with command_id " + command.commandId())
                .withCause(cause)
                .asRuntimeException();
    }
}
