// Throwaway measurement behind the choice of LMDB for the index (HACKING.md, "The index's store").
// Not built by CMake: g++ -O2 -std=c++20 rocksdb_choice.cc -o rocksdb_choice -lrocksdb; ./rocksdb_choice DIR BATCH
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>
#include <rocksdb/table.h>
#include <rocksdb/filter_policy.h>
#include <chrono>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <cstring>
static uint64_t Mix(uint64_t x){x+=0x9e3779b97f4a7c15ULL;x=(x^(x>>30))*0xbf58476d1ce4e5b9ULL;x=(x^(x>>27))*0x94d049bb133111ebULL;return x^(x>>31);}
int main(int argc,char**argv){
  const int n=1000000, batch=atoi(argv[2]);
  rocksdb::Options o; o.create_if_missing=true;
  rocksdb::BlockBasedTableOptions to; to.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10)); o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(to));
  rocksdb::DB* db; auto s=rocksdb::DB::Open(o,argv[1],&db); if(!s.ok()){fprintf(stderr,"%s\n",s.ToString().c_str());return 1;}
  auto t0=std::chrono::steady_clock::now();
  rocksdb::WriteOptions wo; wo.sync=true;
  for(int b=0;b<n;b+=batch){ rocksdb::WriteBatch wb; for(int i=b;i<b+batch&&i<n;i++){ uint64_t k=Mix(i); char key[12]; memcpy(key,&k,8); uint32_t v=i; memcpy(key+8,&v,4); wb.Put(rocksdb::Slice(key,12),rocksdb::Slice()); }
    s=db->Write(wo,&wb); if(!s.ok()){fprintf(stderr,"%s\n",s.ToString().c_str());return 1;} }
  db->Flush(rocksdb::FlushOptions());
  auto t1=std::chrono::steady_clock::now();
  int found=0; const int q=200000; rocksdb::ReadOptions ro;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro));
  for(int i=0;i<q;i++){ uint64_t k=Mix((Mix(i+7)%(2*n))); it->Seek(rocksdb::Slice((char*)&k,8)); if(it->Valid()&&it->key().size()>=8&&memcmp(it->key().data(),&k,8)==0) found++; }
  auto t2=std::chrono::steady_clock::now();
  it.reset(); delete db;
  printf("rocksdb batch=%d write %.2fs (%.0f rec/s) prefix lookups %d in %.3fs (%.2f us each) found %d\n",batch,
    std::chrono::duration<double>(t1-t0).count(), n/std::chrono::duration<double>(t1-t0).count(),
    q, std::chrono::duration<double>(t2-t1).count(), 1e6*std::chrono::duration<double>(t2-t1).count()/q, found);
}
