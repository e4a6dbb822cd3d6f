"""Wrong and restyled answers for exercise 3 (see README.md beside this file)."""

_PARITY = "def parity_weights():\n    return {}\n"

VARIANTS = [
    # Q2: the chapter's XOR trick extended without a third kink: wrong at s = 3.
    dict(name="parity_two_kinks", kind="wrong", loses=["test_parity_exact"],
         answers={"parity_weights": _PARITY.format(
             "np.ones((3, 3)), np.array([0.0, -1.0, 0.0]), np.array([[1.0, -2.0, 0.0]]), np.zeros(1)")}),
    # Q2: only on the right side of 1/2 (outputs 0.1 and 0.9).
    dict(name="parity_side_of_half", kind="wrong", loses=["test_parity_exact"],
         answers={"parity_weights": _PARITY.format(
             "np.ones((3, 3)), np.array([0.0, -1.0, -2.0]), np.array([[0.8, -1.6, 1.6]]), np.array([0.1])")}),
    # Q2: the output weights as a column (3, 1).
    dict(name="parity_W2_column", kind="wrong", loses=["test_parity_shapes", "test_parity_exact"],
         answers={"parity_weights": _PARITY.format(
             "np.ones((3, 3)), np.array([0.0, -1.0, -2.0]), np.array([[1.0], [-2.0], [2.0]]), np.zeros(1)")}),
    # Q2 restyled: exact in mathematics, not in binary (0.1 and 1/3), given as lists.
    dict(name="parity_tenths", kind="restyled", keeps=["test_parity_shapes", "test_parity_exact"],
         answers={"parity_weights": _PARITY.format(
             "np.full((3, 3), 0.1), np.array([0.0, -0.1, -0.2]), np.array([[10.0, -20.0, 20.0]]), np.zeros(1)")}),
    dict(name="parity_thirds_lists", kind="restyled", keeps=["test_parity_shapes", "test_parity_exact"],
         answers={"parity_weights": _PARITY.format(
             "[[1 / 3] * 3] * 3, [0.0, -1 / 3, -2 / 3], [[3.0, -6.0, 6.0]], [0.0]")}),
    # Q2 restyled: kinks at 1/2, 3/2, 5/2 (a different exact network).
    dict(name="parity_half_kinks", kind="restyled", keeps=["test_parity_shapes", "test_parity_exact"],
         answers={"parity_weights": _PARITY.format(
             "np.ones((3, 3), dtype=np.float32), np.array([-0.5, -1.5, -2.5]), "
             "np.array([[2.0, -6.0, 10.0]]), np.zeros(1)")}),
    # Q3: adds 1 to the bias instead of computing 1 - b2 (right only when b2 = 0).
    dict(name="xnor_bias_plus_one", kind="wrong", loses=["test_xnor"],
         answers={"xnor_from_xor": ("def xnor_from_xor(W1, b1, W2, b2):\n"
                                    "    return np.array(W1), np.array(b1), -np.asarray(W2), np.asarray(b2) + 1.0")}),
    dict(name="xnor_lists", kind="restyled", keeps=["test_xnor"],
         answers={"xnor_from_xor": ("def xnor_from_xor(W1, b1, W2, b2):\n"
                                    "    W2_new = [[-v for v in row] for row in np.asarray(W2).tolist()]\n"
                                    "    b2_new = [1 - v for v in np.asarray(b2).tolist()]\n"
                                    "    return np.copy(W1), np.copy(b1), np.array(W2_new), np.array(b2_new)")}),
    # Q4: only the last layer's bias.
    dict(name="collapse_last_bias_only", kind="wrong", loses=["test_collapse_three_layers", "test_collapse_any_stack"],
         answers={"collapse": ("def collapse(layers):\n"
                               "    W = np.eye(layers[0].in_features)\n"
                               "    for layer in layers:\n"
                               "        W = layer.weight.data @ W\n"
                               "    last = layers[-1].bias\n"
                               "    return W, (np.zeros(W.shape[0]) if last is None else last.data.copy())")}),
    # Q4: the product in list order, W1 W2 W3, as the layers are listed.
    dict(name="collapse_wrong_order", kind="wrong", loses=["test_collapse_three_layers", "test_collapse_any_stack"],
         answers={"collapse": ("def collapse(layers):\n"
                               "    W = layers[0].weight.data\n"
                               "    b = np.zeros(W.shape[0]) if layers[0].bias is None else layers[0].bias.data\n"
                               "    for layer in layers[1:]:\n"
                               "        W = W @ layer.weight.data\n"
                               "        b = layer.weight.data @ b + (0 if layer.bias is None else layer.bias.data)\n"
                               "    return W, b")}),
    dict(name="collapse_from_the_back", kind="restyled",
         keeps=["test_collapse_three_layers", "test_collapse_any_stack"],
         answers={"collapse": ("def collapse(layers):\n"
                               "    W = layers[-1].weight.data.astype(np.float64)\n"
                               "    b = np.zeros(W.shape[0]) if layers[-1].bias is None else layers[-1].bias.data.astype(np.float64)\n"
                               "    for layer in reversed(layers[:-1]):\n"
                               "        if layer.bias is not None:\n"
                               "            b = b + W @ layer.bias.data\n"
                               "        W = W @ layer.weight.data\n"
                               "    return W, b")}),
    # Review (second engineer).
    # Q2: XOR's network given a third unit that copies the second (outputs 0, 1, 0, -1 at s = 0..3).
    dict(name="parity_xor_padded", kind="wrong", loses=["test_parity_exact"],
         answers={"parity_weights": _PARITY.format(
             "np.ones((3, 3)), np.array([0.0, -1.0, -1.0]), np.array([[1.0, -1.0, -1.0]]), np.zeros(1)")}),
    # Q2 restyled: integer lists, every hidden unit doubled and the output weights halved.
    dict(name="parity_from_lists_int", kind="restyled", keeps=["test_parity_shapes", "test_parity_exact"],
         answers={"parity_weights": _PARITY.format(
             "[[2, 2, 2]] * 3, [0, -2, -4], [[0.5, -1, 1]], [0]")}),
    # Q3: flips the hidden layer as well (W1 -> -W1): the ReLUs then see other inputs.
    dict(name="xnor_flips_hidden_too", kind="wrong", loses=["test_xnor"],
         answers={"xnor_from_xor": ("def xnor_from_xor(W1, b1, W2, b2):\n"
                                    "    return -np.asarray(W1), -np.asarray(b1), -np.asarray(W2), 1 - np.asarray(b2)")}),
    # Q3: right numbers, but written into the caller's arrays.
    dict(name="xnor_in_place", kind="wrong", loses=["test_xnor"],
         answers={"xnor_from_xor": ("def xnor_from_xor(W1, b1, W2, b2):\n"
                                    "    W2 *= -1\n"
                                    "    b2 *= -1\n"
                                    "    b2 += 1\n"
                                    "    return W1, b1, W2, b2")}),
    # Q3: returns the caller's hidden-layer arrays themselves (unchanged): still correct.
    dict(name="xnor_same_hidden_objects", kind="restyled", keeps=["test_xnor"],
         answers={"xnor_from_xor": ("def xnor_from_xor(W1, b1, W2, b2):\n"
                                    "    return W1, b1, np.negative(W2), np.subtract(1, b2)")}),
    # Q4: probing the stack with the identity and zero (in the layers' dtype): W and b read from outputs.
    dict(name="collapse_by_probing", kind="restyled",
         keeps=["test_collapse_three_layers", "test_collapse_any_stack"],
         answers={"collapse": ("def collapse(layers):\n"
                               "    net = dl.Sequential(*layers)\n"
                               "    n, dtype = layers[0].in_features, layers[0].weight.data.dtype\n"
                               "    b = net(np.zeros((1, n), dtype=dtype))[0].astype(np.float64)\n"
                               "    W = (net(np.eye(n, dtype=dtype)) - b).T.astype(np.float64)\n"
                               "    return W, b")}),
    # Q4: the first layer's bias carried through, the later layers' biases forgotten.
    dict(name="collapse_first_bias_only", kind="wrong",
         loses=["test_collapse_three_layers", "test_collapse_any_stack"],
         answers={"collapse": ("def collapse(layers):\n"
                               "    W = layers[0].weight.data\n"
                               "    b = np.zeros(W.shape[0]) if layers[0].bias is None else layers[0].bias.data\n"
                               "    for layer in layers[1:]:\n"
                               "        W = layer.weight.data @ W\n"
                               "        b = layer.weight.data @ b\n"
                               "    return W, b")}),
    # Q4: the chapter's three-layer formula copied (W3 W2 W1, W3 (W2 b1 + b2) + b3): right for three
    # layers with biases only, so it must not earn the point of test_collapse_three_layers either.
    dict(name="collapse_chapter_three_layers", kind="wrong",
         loses=["test_collapse_three_layers", "test_collapse_any_stack"],
         answers={"collapse": ("def collapse(layers):\n"
                               "    (W1, b1), (W2, b2), (W3, b3) = [(l.weight.data, l.bias.data) for l in layers]\n"
                               "    return W3 @ W2 @ W1, W3 @ (W2 @ b1 + b2) + b3")}),
]
