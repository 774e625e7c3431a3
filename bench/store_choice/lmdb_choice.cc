// Throwaway measurement behind the choice of LMDB for the index (HACKING.md, "The index's store").
// Not built by CMake: g++ -O2 -std=c++20 lmdb_choice.cc -o lmdb_choice -llmdb; ./lmdb_choice DIR BATCH
#include <lmdb.h>
#include <chrono>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <vector>
#include <cstring>
static uint64_t Mix(uint64_t x){x+=0x9e3779b97f4a7c15ULL;x=(x^(x>>30))*0xbf58476d1ce4e5b9ULL;x=(x^(x>>27))*0x94d049bb133111ebULL;return x^(x>>31);}
#define CK(x) do{int rc=(x); if(rc){fprintf(stderr,"%s: %s\n",#x,mdb_strerror(rc));exit(1);}}while(0)
int main(int argc,char**argv){
  const char* dir=argv[1]; const int n=1000000, batch=atoi(argv[2]);
  MDB_env* env; CK(mdb_env_create(&env)); CK(mdb_env_set_mapsize(env, size_t(1)<<34));
  CK(mdb_env_open(env,dir,MDB_NOTLS,0644));
  auto t0=std::chrono::steady_clock::now();
  MDB_dbi dbi;
  for(int b=0;b<n;b+=batch){ MDB_txn* t; CK(mdb_txn_begin(env,nullptr,0,&t)); CK(mdb_dbi_open(t,nullptr,MDB_CREATE,&dbi));
    for(int i=b;i<b+batch&&i<n;i++){ char key[12]; uint64_t k=Mix(i); uint32_t v=i; memcpy(key,&k,8); memcpy(key+8,&v,4); MDB_val kv{12,key}, vv{0,nullptr}; CK(mdb_put(t,dbi,&kv,&vv,0)); }
    CK(mdb_txn_commit(t)); }
  auto t1=std::chrono::steady_clock::now();
  MDB_txn* t; CK(mdb_txn_begin(env,nullptr,MDB_RDONLY,&t)); MDB_cursor* c; CK(mdb_cursor_open(t,dbi,&c));
  int found=0; const int q=200000;
  for(int i=0;i<q;i++){ uint64_t k=Mix((Mix(i+7)%(2*n))); MDB_val kv{8,&k},vv; if(mdb_cursor_get(c,&kv,&vv,MDB_SET_RANGE)==0 && kv.mv_size>=8 && memcmp(kv.mv_data,&k,8)==0) found++; }
  auto t2=std::chrono::steady_clock::now();
  mdb_cursor_close(c); {MDB_stat st; mdb_stat(t,dbi,&st); MDB_envinfo ei; mdb_env_info(env,&ei); printf("live pages %zu (leaf %zu branch %zu) depth %u; file pages %zu\n", st.ms_leaf_pages+st.ms_branch_pages+st.ms_overflow_pages, st.ms_leaf_pages, st.ms_branch_pages, st.ms_depth, ei.me_last_pgno+1);} mdb_txn_abort(t); mdb_env_close(env);
  printf("lmdb batch=%d write %.2fs (%.0f rec/s) lookups %d in %.3fs (%.2f us each) found %d\n",batch,
    std::chrono::duration<double>(t1-t0).count(), n/std::chrono::duration<double>(t1-t0).count(),
    q, std::chrono::duration<double>(t2-t1).count(), 1e6*std::chrono::duration<double>(t2-t1).count()/q, found);
}
