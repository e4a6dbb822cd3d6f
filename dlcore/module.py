"""Module: the base class of every layer, and the containers Sequential, Residual and Identity.

A module has two passes. ``forward(x)`` computes the output and keeps, in ``self._cache``, what
the backward pass will need. ``backward(grad_out)`` receives dL/d(output), adds dL/d(parameter)
into every parameter's ``.grad`` and returns dL/d(input), which the previous module receives as
its own ``grad_out``. That hand-off, repeated from the loss back to the input, is backpropagation.
"""
import functools
from collections import OrderedDict

import numpy as np

from dlcore._checks import check_array, check_finite, check_float_dtype
from dlcore.parameter import Parameter


# How many forward passes are running right now. Only a call ``model(x)`` made while none is
# running receives data; a module called as ``self.child(h)`` inside another's forward receives an
# activation, whose gradient its parent's backward needs (see Sequential.backward).
_forward_depth = 0


def _counting_forward(forward):
    """Wrap a user subclass's ``forward`` so that modules it calls know they are inside it."""
    @functools.wraps(forward)
    def wrapper(self, x, *args, **kwargs):
        global _forward_depth
        _forward_depth += 1
        try:
            return forward(self, x, *args, **kwargs)
        finally:
            _forward_depth -= 1
    wrapper._counts_depth = True
    return wrapper


def _check_not_none(grad_out, module):
    """The None a network returns from backward after ``model(x)`` must not travel on silently."""
    if grad_out is None:
        raise TypeError(
            f"{module.describe()}.backward got None as grad_out. A Sequential run on data as "
            f"model(x) returns None from backward, because nothing needs the gradient of the data; "
            f"if this grad_out came from such a network (two networks chained by hand, "
            f"h = first(x); y = second(h)), call second.backward(g, input_grad=True) to get dL/dh."
        )


class Module:
    """Base class. Subclasses implement ``forward`` and ``backward``.

    Calling a module (``module(x)``) checks the input once -- a floating-point NumPy array with no
    NaN or infinity -- and then runs ``forward``. Containers call their children's ``forward``
    directly, so that check is paid once per batch, not once per layer; each layer that needs a
    particular shape (Linear, BatchNorm1d, Softmax, Residual) still checks it, which is cheap.
    Element-wise layers accept any shape.

    A call ``model(x)`` made while no other module's forward is running marks x as data, whose
    gradient nobody needs (see ``Sequential.backward``). A subclass defined outside dlcore gets
    its ``forward`` wrapped to count as running, so children it calls as ``self.child(h)`` know
    that h is an activation whose gradient its backward will want.
    """

    training = True      # train() / eval() set this on the instance
    _cache = None        # what forward keeps for backward; None until the first forward
    _buffers = ()        # names of non-trainable arrays saved with the model (BatchNorm's statistics)
    _called_on_data = False   # True only while __call__ runs forward on data (see below)

    def __init_subclass__(cls, **kwargs):
        # dlcore's own modules call their children's forward directly, never ``child(x)``; a
        # user's module may do either, and may itself be run as ``module.forward(x)`` (as
        # gradcheck does). Counting its forward passes keeps a Sequential it calls as
        # ``self.body(h)`` from taking h for data and returning None from backward.
        super().__init_subclass__(**kwargs)
        forward = cls.__dict__.get("forward")
        if (forward is not None and not cls.__module__.startswith("dlcore.")
                and not getattr(forward, "_counts_depth", False)):
            cls.forward = _counting_forward(forward)

    # --- the two passes -------------------------------------------------------------------
    def __call__(self, x):
        global _forward_depth
        check_array(x, self)
        check_finite(x, self)
        # ``model(x)`` is how data enters a network, unless it is called inside another
        # module's forward (then x is an activation); containers call their children's forward
        # directly. Sequential remembers which happened (see Sequential.backward).
        self._called_on_data = _forward_depth == 0
        _forward_depth += 1
        try:
            return self.forward(x)
        finally:
            _forward_depth -= 1
            self._called_on_data = False

    def forward(self, x):
        raise NotImplementedError(f"{type(self).__name__} must implement forward(x)")

    def backward(self, grad_out):
        raise NotImplementedError(f"{type(self).__name__} must implement backward(grad_out)")

    def backward_params(self, grad_out):
        """Fill the parameters' gradients only; the gradient for the input is not needed.

        Called on the first layer of a network, whose input is the data: nothing upstream wants
        dL/dx, and for a wide first layer skipping it saves the largest matrix product of the
        backward pass. By default this is just ``backward`` with its result dropped.
        """
        self.backward(grad_out)

    def _cached(self):
        """The cache written by forward, or a clear error if backward came first."""
        if self._cache is None:
            raise ValueError(
                f"{self.describe()}.backward() was called before forward(): run the forward pass "
                f"on a batch first, so the layer has the values its gradients depend on."
            )
        return self._cache

    def _check_grad_out(self, grad_out, shape):
        if not isinstance(grad_out, np.ndarray) or grad_out.dtype.kind != "f":
            _check_not_none(grad_out, self)
            check_array(grad_out, f"{self.describe()}.backward", name="grad_out")
        if grad_out.shape != shape:
            raise ValueError(
                f"{self.describe()}.backward expected grad_out of shape {shape} (the shape of this "
                f"layer's last output), got {grad_out.shape}."
            )

    # --- the tree of modules and its parameters --------------------------------------------
    def named_children(self):
        for name, value in vars(self).items():
            if isinstance(value, Module):
                yield name, value

    def children(self):
        return [m for _, m in self.named_children()]

    def named_parameters(self, prefix=""):
        """(name, Parameter) pairs in PyTorch's order: this module's own, then each child's."""
        for name, value in vars(self).items():
            if isinstance(value, Parameter):
                yield prefix + name, value
        for name, child in self.named_children():
            yield from child.named_parameters(prefix + name + ".")

    def parameters(self):
        """All trainable parameters, layer by layer, weight before bias."""
        return [p for _, p in self.named_parameters()]

    def named_buffers(self, prefix=""):
        for name in self._buffers:
            yield prefix + name, getattr(self, name)
        for name, child in self.named_children():
            yield from child.named_buffers(prefix + name + ".")

    def zero_grad(self):
        for p in self.parameters():
            p.zero_grad()

    def train(self, mode=True):
        """Switch to training mode (dropout active, batch statistics in BatchNorm). Returns self."""
        self.training = bool(mode)
        for child in self.children():
            child.train(mode)
        return self

    def eval(self):
        """Switch to evaluation mode (no dropout, running statistics in BatchNorm). Returns self."""
        return self.train(False)

    # --- saving and converting -------------------------------------------------------------
    def state_dict(self):
        """Every parameter and buffer by name, as arrays (copies)."""
        state = OrderedDict((n, p.data.copy()) for n, p in self.named_parameters())
        state.update((n, np.array(b, copy=True)) for n, b in self.named_buffers())
        return state

    def load_state_dict(self, state):
        """Copy arrays from ``state`` into this model; names and shapes must match exactly."""
        mine = OrderedDict(self.named_parameters())
        buffers = OrderedDict(self.named_buffers())
        expected = list(mine) + list(buffers)
        missing = [k for k in expected if k not in state]
        unexpected = [k for k in state if k not in expected]
        if missing or unexpected:
            raise ValueError(
                f"load_state_dict into {type(self).__name__}: the saved model does not match this one. "
                f"Missing: {missing or 'none'}; unexpected: {unexpected or 'none'}."
            )
        for name in expected:
            current = mine[name].data if name in mine else buffers[name]
            new = np.asarray(state[name])
            if new.shape != current.shape:
                raise ValueError(
                    f"load_state_dict: {name} has shape {current.shape} in this model "
                    f"but {new.shape} in the saved one."
                )
            current[...] = new

    def to(self, dtype):
        """Convert every parameter and buffer to ``dtype`` in place (e.g. np.float64). Returns self."""
        dtype = check_float_dtype(dtype, f"{type(self).__name__}.to")
        for p in self.parameters():
            p.astype(dtype)
        self._to_buffers(dtype)
        self._cache = None
        return self

    def _to_buffers(self, dtype):
        for name in self._buffers:
            setattr(self, name, getattr(self, name).astype(dtype))
        for child in self.children():
            child._to_buffers(dtype)
            child._cache = None

    # --- names for messages ----------------------------------------------------------------
    def extra_repr(self):
        return ""

    def describe(self):
        """Short name used in error messages, e.g. ``Linear(2, 16)``."""
        return repr(self)

    def __repr__(self):
        return f"{type(self).__name__}({self.extra_repr()})"


class Identity(Module):
    """Returns its input unchanged: y = x."""

    def forward(self, x):
        self._cache = x.shape
        return x

    def backward(self, grad_out):
        self._check_grad_out(grad_out, self._cached())
        return grad_out


class Sequential(Module):
    """Modules applied one after another: y = f_L(...f_2(f_1(x))).

    Backward runs the same list in reverse, each module turning dL/d(its output) into
    dL/d(its input).

    >>> from dlcore import Linear, ReLU
    >>> model = Sequential(Linear(2, 3), ReLU(), Linear(3, 1))
    >>> len(model), model[0]
    (3, Linear(in_features=2, out_features=3, bias=True))
    >>> [name for name, _ in model.named_parameters()]
    ['0.weight', '0.bias', '2.weight', '2.bias']
    """

    def __init__(self, *modules):
        for i, m in enumerate(modules):
            if not isinstance(m, Module):
                raise TypeError(f"Sequential: argument {i} is of type {type(m).__name__}, not a Module.")
        self.layers = list(modules)

    def named_children(self):
        for i, m in enumerate(self.layers):
            yield str(i), m

    def forward(self, x):
        input_is_data = self._called_on_data
        for layer in self.layers:
            x = layer.forward(x)
        self._cache = {"input_is_data": input_is_data}
        return x

    def backward(self, grad_out, *, input_grad=None):
        """Backpropagate through every layer, last to first; returns dL/dx, or None if not asked.

        Every layer turns dL/d(its output) into dL/d(its input), as chapter 7 describes. Only the
        last hand-off, dL/dx for the network's own input, is optional. Which it is depends on
        ``input_grad``:

        * ``None`` (the default): computed when this Sequential sits inside another module (a
          Residual block, a nested Sequential, a module of your own that calls it as
          ``self.body(h)`` in its forward), whose backward needs it; skipped, and None returned,
          when the network was run on data as ``model(x)``, outside any other module's
          forward. That is PyTorch's rule --
          a tensor of data does not require a gradient -- and it saves the first layer's
          dL/dx = delta W, the widest matrix product of the backward pass.
        * ``True``: always computed and returned (for instance to see how the loss responds to
          the input pixels).
        * ``False``: never computed (what ``fit`` passes).

        An empty Sequential is the identity and returns ``grad_out``.
        """
        cache = self._cached()
        _check_not_none(grad_out, self)
        if input_grad is None:
            input_grad = not cache["input_is_data"]
        for layer in self.layers[:0:-1]:
            grad_out = layer.backward(grad_out)
        if not self.layers:
            return grad_out
        if input_grad:
            return self.layers[0].backward(grad_out)
        self.layers[0].backward_params(grad_out)
        return None

    def backward_params(self, grad_out):
        """As the first layer of an outer network, whose input is data: no dL/dx needed here either."""
        self.backward(grad_out, input_grad=False)

    def __len__(self):
        return len(self.layers)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Sequential(*self.layers[index])
        return self.layers[index]

    def __iter__(self):
        return iter(self.layers)

    def __repr__(self):
        lines = [f"  ({i}): {m!r}".replace("\n", "\n  ") for i, m in enumerate(self.layers)]
        return "Sequential(\n" + "\n".join(lines) + "\n)"


class Residual(Module):
    """A skip connection around ``module``: y = x + F(x).

    The gradient reaches x along two paths, directly and through F:
    dL/dx = dL/dy + F'(x)^T dL/dy. The direct path is why deep residual networks still train:
    even when F's gradient is tiny, dL/dy passes through unchanged.
    """

    def __init__(self, module):
        if not isinstance(module, Module):
            raise TypeError(f"Residual needs a Module, got {type(module).__name__}.")
        self.module = module

    def extra_repr(self):
        return repr(self.module)

    def forward(self, x):
        fx = self.module.forward(x)
        if fx.shape != x.shape:
            raise ValueError(
                f"{self.describe()}: the wrapped module maps shape {x.shape} to {fx.shape}; "
                f"a skip connection x + F(x) needs F to keep the shape."
            )
        self._cache = x.shape
        return x + fx

    def backward(self, grad_out):
        self._check_grad_out(grad_out, self._cached())
        return grad_out + self.module.backward(grad_out)
