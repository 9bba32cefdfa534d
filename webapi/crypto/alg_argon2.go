package crypto

// Argon2d, Argon2i and Argon2id (https://wicg.github.io/webcrypto-modern-algos/#argon2).

type argon2Alg struct {
	name string
	typ  int
}

var (
	argon2dAlg  = &argon2Alg{name: "Argon2d", typ: argon2d}
	argon2iAlg  = &argon2Alg{name: "Argon2i", typ: argon2i}
	argon2idAlg = &argon2Alg{name: "Argon2id", typ: argon2id}
)

// argon2MaxMemory caps the memory parameter (KiB). An edge route asking
// for gigabytes would take the whole process down; 256 MiB is well above
// RFC 9106's recommended settings (64 MiB for the second option, 2 GiB for
// the first, which server-side code should run outside the edge runtime).
const argon2MaxMemory = 256 * 1024

// argon2MaxWork bounds memory × passes (KiB): a few seconds of work, for
// the same reason as pbkdf2MaxIterations.
const argon2MaxWork = 1 << 24

func (a *argon2Alg) importKey(p *params, format string, data keyData, extractable bool, usages usageSet) (*Key, error) {
	return importKdfKey(a.name, format, data, extractable, usages, "raw-secret")
}

func (a *argon2Alg) keyLength(*params) (int64, error) { return -1, nil }

func (a *argon2Alg) heavy(string, *params, *Key, int) bool { return true }

func (a *argon2Alg) checkParams(op string, p *params, length int64) error {
	if op != opDeriveBits {
		return nil
	}
	return argon2Check(p, length)
}

// argon2Check runs the parameter checks of the derive bits operation.
func argon2Check(p *params, length int64) error {
	// If length is null, or is less than 32, or is not a multiple of 8,
	// then throw an OperationError.
	if length < 32 || length%8 != 0 {
		return errorf(errOperation, "The length must be a multiple of 8 bits and at least 32")
	}
	// If the version member is present and is not 19 (0x13), then throw an
	// OperationError.
	if p.hasVersion && p.version != argon2Version {
		return errorf(errOperation, "Unsupported Argon2 version")
	}
	// If parallelism is zero or greater than 2^24-1, memory is less than 8
	// times parallelism, or passes is zero, then throw an OperationError.
	if p.parallelism == 0 || p.parallelism > 1<<24-1 {
		return errorf(errOperation, "Invalid Argon2 parallelism")
	}
	if uint64(p.memory) < 8*uint64(p.parallelism) {
		return errorf(errOperation, "The Argon2 memory must be at least 8 times the parallelism")
	}
	if p.passes == 0 {
		return errorf(errOperation, "The Argon2 passes must not be zero")
	}
	return nil
}

func (a *argon2Alg) deriveBits(p *params, k *Key, length int64) ([]byte, error) {
	if err := argon2Check(p, length); err != nil {
		return nil, err
	}
	if p.memory > argon2MaxMemory {
		return nil, errorf(errOperation, "The Argon2 memory exceeds edgerun's limit of %d KiB", argon2MaxMemory)
	}
	if uint64(p.memory)*uint64(p.passes) > argon2MaxWork {
		return nil, errorf(errOperation, "The Argon2 memory times passes exceeds edgerun's limit of %d", argon2MaxWork)
	}
	return argon2Key(a.typ, k.handle.([]byte), p.nonce, p.secretValue, p.associatedData,
		p.passes, p.memory, p.parallelism, uint32(length/8)), nil
}
